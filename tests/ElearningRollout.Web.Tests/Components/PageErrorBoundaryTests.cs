using Bunit;
using ElearningRollout.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;

namespace ElearningRollout.Web.Tests.Components;

/// <summary>
/// The layout's error boundary: an unexpected error inside a page is reported (logged, the notice shown); a component
/// calling the browser after its tab closed is not reported as one (nobody sees it; it would be a warning per closed tab).
/// </summary>
public sealed class PageErrorBoundaryTests
{
    [Fact]
    public async Task An_unexpected_error_is_reported_and_its_notice_shown()
    {
        await using var ctx = new BunitContext();
        var reported = Reported(ctx);

        var boundary = Render(ctx, new InvalidOperationException("The figures are inconsistent."));

        Assert.Equal(["The figures are inconsistent."], reported.Select(e => e.Message));
        Assert.Equal("error shown", boundary.Find("p").TextContent);
    }

    [Fact]
    public async Task A_browser_call_after_the_tab_closed_is_not_reported_as_an_unexpected_error()
    {
        await using var ctx = new BunitContext();
        var reported = Reported(ctx);

        Render(ctx, new JSDisconnectedException("JavaScript interop calls cannot be issued at this time."));

        Assert.Empty(reported);
    }

    private static List<Exception> Reported(BunitContext ctx)
    {
        var logger = new RecordingErrorBoundaryLogger();
        ctx.Services.AddSingleton<IErrorBoundaryLogger>(logger);
        return logger.Errors;
    }

    private static IRenderedComponent<PageErrorBoundary> Render(BunitContext ctx, Exception failure) => ctx.Render<PageErrorBoundary>(p => p
        .Add(b => b.ChildContent, builder =>
        {
            builder.OpenComponent<Failing>(0);
            builder.AddComponentParameter(1, nameof(Failing.Failure), failure);
            builder.CloseComponent();
        })
        .Add(b => b.ErrorContent, _ => builder => builder.AddMarkupContent(0, "<p>error shown</p>")));

    private sealed class Failing : ComponentBase
    {
        [Parameter]
        public Exception Failure { get; set; } = null!;

        protected override void OnInitialized() => throw Failure;
    }

    private sealed class RecordingErrorBoundaryLogger : IErrorBoundaryLogger
    {
        public List<Exception> Errors { get; } = [];

        public ValueTask LogErrorAsync(Exception exception)
        {
            Errors.Add(exception);
            return ValueTask.CompletedTask;
        }
    }
}
