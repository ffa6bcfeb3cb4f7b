using Bunit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Webhooks;
using ElearningRollout.Web.Components.Layout;
using ElearningRollout.Web.Components.Pages.Admin;
using ElearningRollout.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace ElearningRollout.Web.Tests.Components;

/// <summary>The edit dialog of /admin/webhooks: a Teams address never goes back into the form, and a conflict keeps what was typed.</summary>
public sealed class WebhookEditDialogTests
{
    private static readonly WebhookEndpointRow Teams = new(
        Guid.NewGuid(), Guid.NewGuid(), "Teams channel", "https://prod-42.westeurope.logic.azure.com/workflows/…", UrlIsSecret: true,
        WebhookFlavour.Teams, [WebhookEvents.RolloutCreated], DateTimeOffset.UnixEpoch, "Alex Admin", null, null, 0);

    [Fact]
    public async Task A_second_editor_is_told_who_saved_first_keeps_what_they_typed_and_never_sees_the_Teams_address()
    {
        await using var ctx = new BunitContext();
        ctx.Services.AddMudServices();
        ctx.Services.AddOptions();
        ctx.Services.AddSingleton<WebhookEndpointChangeValidator>();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        var dialogs = ctx.Render<DialogProvider>();
        var draft = WebhookEndpointChange.From(Teams);
        var saves = 0;

        var closed = ctx.Services.GetRequiredService<IDialogService>().RunDraftAsync<WebhookEditDialog, WebhookEndpointChange>(
            "Edit Teams channel", draft,
            _ =>
            {
                saves++;
                return CommandRunner.RunAsync(() => throw new ConcurrencyConflictException("Alex Admin changed this webhook endpoint at 2026-12-04 22:00 UTC while you were working on it."));
            },
            more: new Dictionary<string, object?> { [nameof(WebhookEditDialog.UrlIsSecret)] = true, [nameof(WebhookEditDialog.MaskedUrl)] = Teams.Url });

        dialogs.WaitForAssertion(() => Assert.Contains("Current: https://prod-42.westeurope.logic.azure.com/workflows/…", dialogs.Markup));
        var inputs = dialogs.FindAll("input.mud-input-root");
        Assert.Equal("", inputs[1].GetAttribute("value") ?? "");
        await inputs[0].ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "Teams: rollout channel" });

        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Save endpoint").ClickAsync(new());

        dialogs.WaitForAssertion(() => Assert.Contains("Alex Admin changed this webhook endpoint", dialogs.Markup));
        Assert.Equal(1, saves);
        Assert.Equal("Teams: rollout channel", draft.Name);
        Assert.Equal("Teams: rollout channel", dialogs.FindAll("input.mud-input-root")[0].GetAttribute("value"));
        Assert.False(closed.IsCompleted, "The dialog stays open after a conflict.");
    }
}
