using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using ElearningRollout.EndToEnd.Infrastructure;
using ElearningRollout.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ElearningRollout.EndToEnd;

/// <summary>Issue 19 "Daily use" in Chromium: the rollout tabs at laptop and tablet widths, and the new-rollout steps' colours.</summary>
public sealed class DailyUseTests(ProductUnderTest product) : BrowserTest(product)
{
    private static readonly string[] _rolloutTabs = ["Overview", "Phases", "Gates", "Risks and issues", "Vendors", "Costs", "History"];

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(768, 1024)]
    public async Task Every_rollout_tab_is_in_view_and_the_keyboard_reaches_and_opens_the_last(int width, int height)
    {
        var page = Page;
        var audit = new AccessibilityAudit(page);
        await page.SetViewportSizeAsync(width, height);
        await SignInForm.OpenAsync(page);
        await SignInForm.SignInAsync(page, DemoLogins.Training);

        // ELR-0002 is owned by training2@: its reader is told why there are no actions, and who can act.
        await page.GotoAsync("/rollouts/ELR-0002");
        await BlazorCircuit.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("why-read-only").First).ToContainTextAsync("Only the training owner, Theo Trainer");

        foreach (var name in _rolloutTabs)
        {
            await Expect(page.GetByRole(AriaRole.Tab, new() { Name = name, Exact = true })).ToBeInViewportAsync(new() { Ratio = 1 });
        }

        // Arrow keys move from tab to tab (one key at a time, each answered over the circuit); Enter opens the tab.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Overview", Exact = true }).FocusAsync();
        foreach (var name in _rolloutTabs.Skip(1))
        {
            await page.Keyboard.PressAsync("ArrowRight");
            await Expect(page.GetByRole(AriaRole.Tab, new() { Name = name, Exact = true })).ToBeFocusedAsync();
        }

        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "History", Exact = true })).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "History", Level = 2 })).ToBeVisibleAsync();
        await PageEvidence.ScreenshotAsync(page, "rollout-tabs", $"{width}");
        await audit.CheckAsync(page, $"the rollout page at {width} px");
        audit.AssertNoSeriousViolations();
    }

    /// <summary>QA found the Costs tab sliding the whole tablet page sideways: a table scrolls in its own box, the page never.</summary>
    [Theory]
    [InlineData(1024, 768)]
    [InlineData(768, 1024)]
    public async Task The_costs_tab_scrolls_its_table_not_the_page(int width, int height)
    {
        var page = Page;
        await page.SetViewportSizeAsync(width, height);
        await SignInForm.OpenAsync(page);
        await SignInForm.SignInAsync(page, DemoLogins.Training);
        await page.GotoAsync("/rollouts/ELR-0002?tab=costs");
        await BlazorCircuit.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("cost-lines")).ToBeVisibleAsync();

        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");

        Assert.True(widths[0] <= widths[1], $"The page is {widths[0]} px wide in a {widths[1]} px window.");
    }

    /// <summary>QA found focus hard to see: a focused navigation entry looked like the current page's, and buttons barely changed.</summary>
    [Fact]
    public async Task The_keyboard_focus_shows_a_ring_that_the_current_page_does_not()
    {
        var page = Page;
        await SignInForm.OpenAsync(page);
        await SignInForm.SignInAsync(page, DemoLogins.Training);
        await page.GotoAsync("/rollouts");
        await BlazorCircuit.WaitUntilInteractiveAsync(page);
        var current = page.Locator("a.mud-nav-link.active");
        await current.FocusAsync();
        await page.Keyboard.PressAsync("Tab");

        var focused = await page.EvaluateAsync<string[]>("() => { const s = getComputedStyle(document.activeElement); return [document.activeElement.className, s.outlineStyle, s.outlineWidth]; }");
        var currentOutline = await current.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle");

        Assert.Contains("mud-nav-link", focused[0], StringComparison.Ordinal);
        Assert.Equal(("solid", "3px"), (focused[1], focused[2]));
        Assert.Equal("none", currentOutline);
    }

    [Fact]
    public async Task The_new_rollout_steps_keep_4_5_to_1_when_hovered_pressed_focused_and_not_reached_yet()
    {
        var page = Page;
        var audit = new AccessibilityAudit(page);
        await SignInForm.OpenAsync(page);
        await SignInForm.SignInAsync(page, DemoLogins.Training);
        await page.GotoAsync("/rollouts/new");
        await BlazorCircuit.WaitUntilInteractiveAsync(page);
        await page.GetByLabel("Title").FillAsync("Step colours e2e");
        await page.GetByLabel("Start date").FillAsync("2027-01-04");
        await page.GetByLabel("Start date").PressAsync("Tab");
        await page.GetByLabel("Target go-live").FillAsync("2027-06-30");
        await page.GetByLabel("Target go-live").PressAsync("Tab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Audiences and reach" })).ToBeVisibleAsync();

        var steps = page.GetByRole(AriaRole.Navigation, new() { Name = "Steps of the rollout form" });
        var done = steps.GetByRole(AriaRole.Button, new() { Name = "1. Basics" });
        var current = steps.GetByRole(AriaRole.Button, new() { Name = "2. Audiences and reach" });
        var notReached = steps.GetByRole(AriaRole.Button, new() { Name = "3. Hosting and integrations" });
        await Expect(notReached).ToBeDisabledAsync();
        var measured = new List<(string State, double Ratio)>();

        measured.Add(("reached, at rest", await ContrastAsync(done)));
        measured.Add(("current, at rest", await ContrastAsync(current)));
        measured.Add(("not reached yet", await ContrastAsync(notReached)));
        await done.HoverAsync();
        measured.Add(("reached, hovered", await ContrastAsync(done)));
        await ExpectNoContrastFindingAsync(steps, "a reached step hovered");
        await current.HoverAsync();
        measured.Add(("current, hovered", await ContrastAsync(current)));
        await page.Mouse.DownAsync();
        measured.Add(("current, pressed", await ContrastAsync(current)));
        await ExpectNoContrastFindingAsync(steps, "the current step pressed");
        await page.Mouse.UpAsync();
        await page.Mouse.MoveAsync(1, 700);
        await done.FocusAsync();
        measured.Add(("reached, focused", await ContrastAsync(done)));
        await ExpectNoContrastFindingAsync(steps, "a reached step focused");

        Assert.All(measured, m => Assert.True(m.Ratio >= 4.5, $"{m.State}: {m.Ratio:0.00}:1"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Audiences and reach" })).ToBeVisibleAsync();
        audit.AssertNoSeriousViolations();
    }

    private static async Task ExpectNoContrastFindingAsync(ILocator region, string state)
    {
        var result = await region.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "rule", Values = ["color-contrast"] } });
        Assert.True(result.Violations.Length == 0,
            $"{state}: " + string.Join("; ", result.Violations.SelectMany(v => v.Nodes).Select(n => string.Join(" ", n.Any.Select(c => c.Message)))));
    }

    // The text colour against what is really behind it: the button's background composed over its ancestors' (a hover
    // tint is semi-transparent), as a person sees it. axe leaves disabled buttons out; this measures them too.
    private const string ContrastScript = """
        element => {
            const rgba = c => { const v = c.match(/[\d.]+/g).map(Number); return { r: v[0], g: v[1], b: v[2], a: v.length > 3 ? v[3] : 1 }; };
            const over = (top, under) => ({ r: top.r * top.a + under.r * (1 - top.a), g: top.g * top.a + under.g * (1 - top.a), b: top.b * top.a + under.b * (1 - top.a), a: 1 });
            const layers = [];
            for (let node = element; node; node = node.parentElement) {
                const colour = rgba(getComputedStyle(node).backgroundColor);
                if (colour.a > 0) { layers.push(colour); }
                if (colour.a === 1) { break; }
            }
            let background = { r: 255, g: 255, b: 255, a: 1 };
            for (const layer of layers.reverse()) { background = over(layer, background); }
            const text = over(rgba(getComputedStyle(element).color), background);
            const luminance = ({ r, g, b }) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
                .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
            const [light, dark] = [luminance(text), luminance(background)].sort((x, y) => y - x);
            return (light + 0.05) / (dark + 0.05);
        }
        """;

    private static Task<double> ContrastAsync(ILocator button) => button.EvaluateAsync<double>(ContrastScript);
}
