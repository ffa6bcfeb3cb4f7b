using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ElearningRollout.EndToEnd.Infrastructure;

/// <summary>
/// Runs axe-core on each page a test visits and fails on what blocks people (impact serious or critical).
/// Minor and moderate findings are left to reviews: failing on them would make every MudBlazor upgrade a fight.
/// It also fails on any error the browser logged (console errors and uncaught page errors) on the pages it watches:
/// an error there is something broken that no screenshot shows (a refused request, a script that threw).
/// </summary>
/// <remarks>
/// Findings are collected and asserted at the end of the test, so an accessibility failure on one page
/// neither hides those on the next pages nor stops the test from checking that the journey itself works.
/// </remarks>
public sealed class AccessibilityAudit
{
    private static readonly HashSet<string> _blockingImpacts = new(StringComparer.OrdinalIgnoreCase) { "serious", "critical" };

    private const string FiniteAnimationsFinished = """
        () => Promise.race([
            Promise.all(document.getAnimations()
                .filter(a => a.playState === "running" && a.effect && a.effect.getComputedTiming().endTime !== Infinity)
                .map(a => a.finished.catch(() => null))),
            new Promise(resolve => setTimeout(resolve, 5000))])
        """;

    private readonly List<string> _findings = [];
    private readonly List<string> _browserErrors = [];
    private readonly HashSet<IPage> _watched = [];
    private readonly List<(string Path, int Status)> _expectedRefusals = [];

    /// <summary>An audit that watches nothing yet: each page is watched from its first check on.</summary>
    public AccessibilityAudit()
    {
    }

    /// <summary>An audit that watches <paramref name="page"/> from now on, before anything is audited (the sign-in page too).</summary>
    public AccessibilityAudit(IPage page) => Watch(page);

    /// <summary>Records every console error and uncaught error of <paramref name="page"/>, with the address it happened on.</summary>
    public void Watch(IPage page)
    {
        if (!_watched.Add(page))
        {
            return;
        }

        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !IsExpectedRefusal(message))
            {
                Record($"console error on {page.Url}: {message.Text} (at {message.Location})");
            }
        };
        page.PageError += (_, error) => Record($"uncaught error on {page.Url}: {error}");
    }

    /// <summary>
    /// A request the test itself provokes to be refused (an upload the server answers 422, with its reason on screen):
    /// Chromium logs every 4xx answer to a script as a console error, which here is the journey working, not broken.
    /// Only that status from a path containing <paramref name="path"/> is let through; every other error still counts.
    /// </summary>
    public void ExpectRefusedRequest(string path, int status) => _expectedRefusals.Add((path, status));

    private bool IsExpectedRefusal(IConsoleMessage message) => _expectedRefusals.Any(e =>
        message.Text.StartsWith($"Failed to load resource: the server responded with a status of {e.Status} ", StringComparison.Ordinal)
        && message.Location.Contains(e.Path, StringComparison.Ordinal));

    public async Task CheckAsync(IPage page, string pageName)
    {
        Watch(page);

        // Where the mouse was last (a button just clicked) would be audited in its hover colours, which come and go with
        // the pointer; the pointer goes to the bottom-left corner, over the drawer's plain background. Hover and focus
        // colours are audited on purpose where they matter (RolloutWorkspaceTests, the new-rollout steps).
        if (page.ViewportSize is { } viewport)
        {
            await page.Mouse.MoveAsync(1, viewport.Height - 2);
        }

        // A snackbar fading in or a button mid-transition has colours no person reads for long, and axe would measure
        // them at a random moment (on a busy machine, often): audit what stays on screen once every finite animation and
        // transition has ended (at most 5 seconds). Endless ones (a progress spinner) are left running.
        await page.EvaluateAsync(FiniteAnimationsFinished);
        var blocking = await BlockingViolationsAsync(page);

        // A snackbar the server sent a moment after the wait began (its fade had not started, so there was nothing to
        // wait for) is caught mid-fade. What stays on screen is still there a moment later; what was fading is gone:
        // a contrast finding counts only when it is still found after the page has settled again.
        for (var retry = 0; retry < 3 && blocking.Any(v => v.Id == "color-contrast"); retry++)
        {
            await page.WaitForTimeoutAsync(750);
            await page.EvaluateAsync(FiniteAnimationsFinished);
            blocking = await BlockingViolationsAsync(page);
        }

        if (blocking.Count > 0)
        {
            _findings.Add(Describe(pageName, page.Url, blocking));
        }
    }

    private static async Task<List<AxeResultItem>> BlockingViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        return result.Violations.Where(v => v.Impact is not null && _blockingImpacts.Contains(v.Impact)).ToList();
    }

    /// <summary>Fails on the serious accessibility findings and on any browser error logged on a watched page.</summary>
    public void AssertNoSeriousViolations()
    {
        List<string> problems;
        lock (_browserErrors)
        {
            problems = [.. _findings, .. _browserErrors];
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    // Playwright raises page events on its own connection thread.
    private void Record(string error)
    {
        lock (_browserErrors)
        {
            _browserErrors.Add(error);
        }
    }

    // The message is all a developer gets from CI: rule, what it means, where, and axe's own explanation
    // (for colour contrast that includes both colours and the ratio found).
    private static string Describe(string pageName, string url, IReadOnlyList<AxeResultItem> violations)
    {
        var message = new StringBuilder($"axe found {violations.Count} serious or critical violation(s) on {pageName} ({url}):");
        foreach (var violation in violations)
        {
            message.AppendLine().Append($"- {violation.Id} [{violation.Impact}]: {violation.Help} ({violation.HelpUrl})");
            foreach (var node in violation.Nodes)
            {
                message.AppendLine().Append($"    at {node.Target}: {node.Html}");
                foreach (var check in node.Any.Concat(node.All).Concat(node.None))
                {
                    message.AppendLine().Append($"      {check.Message}");
                }
            }
        }

        return message.ToString();
    }
}
