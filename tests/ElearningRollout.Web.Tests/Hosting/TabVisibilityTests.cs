using ElearningRollout.Web.Hosting;

namespace ElearningRollout.Web.Tests.Hosting;

/// <summary>
/// A circuit's tab counts as shown until its script says otherwise, and live screens hear when a hidden tab is shown
/// again (and only then). That the dashboard and the bell hold back their renders meanwhile is BackgroundTabTests' (end to end).
/// </summary>
public sealed class TabVisibilityTests
{
    [Fact]
    public void A_tab_is_shown_until_its_script_reports_it_hidden_and_only_showing_a_hidden_tab_raises_shown()
    {
        using var tab = new TabVisibility();
        var shown = 0;
        tab.Shown += () => shown++;
        var atStart = tab.IsHidden;

        tab.VisibilityChanged(hidden: false);
        var afterShownReport = shown;
        tab.VisibilityChanged(hidden: true);
        var hiddenNow = tab.IsHidden;
        var afterHiding = shown;
        tab.VisibilityChanged(hidden: true);
        tab.VisibilityChanged(hidden: false);

        Assert.False(atStart);
        Assert.Equal(0, afterShownReport);
        Assert.True(hiddenNow);
        Assert.Equal(0, afterHiding);
        Assert.Equal(1, shown);
        Assert.False(tab.IsHidden);
    }
}
