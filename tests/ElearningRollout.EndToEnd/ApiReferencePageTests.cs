using System.Collections.Concurrent;
using ElearningRollout.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ElearningRollout.EndToEnd;

/// <summary>
/// The REST API's reference page (/api/docs, Scalar) in real Chromium: it renders the app's OpenAPI document, every
/// request it makes goes to the app itself (no CDN, no font service, no telemetry), and the browser reports no
/// violation of the page's Content Security Policy.
/// </summary>
public sealed class ApiReferencePageTests(ProductUnderTest product) : BrowserTest(product)
{
    // The page's 3 MB script is parsed before the load event; on a loaded machine that took longer than the context's
    // 30 s, so the test waits for what a person waits for: the rendered reference, not the load event.
    [Fact]
    public async Task The_reference_page_renders_the_document_from_the_app_alone_within_its_policy()
    {
        var page = Page;
        var requests = new ConcurrentQueue<string>();
        page.Request += (_, request) => requests.Enqueue(request.Url);
        // Registered before any page script runs, by the browser's own channel (not subject to the page's policy).
        await page.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => (window.__cspViolations = window.__cspViolations || []).push(e.violatedDirective + ' ' + e.blockedURI));");

        await page.GotoAsync("/api/docs", new() { WaitUntil = WaitUntilState.Commit });

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/api/docs/$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ElearningRollout API" }).First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(page.GetByText("Completes the current phase").First).ToBeAttachedAsync();

        // Scalar's bundle tries an eval once; the policy refuses it (no 'unsafe-eval') and the reference renders without
        // it. Any other violation (a script, style, font or connection from elsewhere) fails the test.
        var violations = await page.EvaluateAsync<string[]>("() => window.__cspViolations || []");
        Assert.All(violations, violation => Assert.Equal("script-src eval", violation));
        Assert.NotEmpty(requests);
        Assert.All(requests, url => Assert.True(
            url.StartsWith("data:", StringComparison.Ordinal) || url.StartsWith("blob:", StringComparison.Ordinal)
            || new Uri(url).GetLeftPart(UriPartial.Authority) == Product.BaseAddress.GetLeftPart(UriPartial.Authority),
            $"{url} is not served by the app"));
        Assert.Contains(requests, url => url.EndsWith("/api/v1/openapi.json", StringComparison.Ordinal));
    }
}
