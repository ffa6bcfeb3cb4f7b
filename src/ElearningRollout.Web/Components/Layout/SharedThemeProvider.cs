using System.Runtime.CompilerServices;
using ElearningRollout.Web.Components.Shared;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.RenderTree;
using MudBlazor;

namespace ElearningRollout.Web.Components.Layout;

/// <summary>
/// MudBlazor's theme provider, rendering exactly the same markup, but whose theme style text (the CSS variables of the
/// palette, about 33,000 characters) is one string shared by every circuit instead of a copy per circuit. MudThemeProvider
/// builds that text on every render and its render tree keeps it: 66 KB per open tab, the largest single object of an
/// idle circuit (docs/performance.md, "Capacity"). Here the provider's own frames are replayed unchanged, except that
/// long markup equal to text already held is replaced by the held instance, so the copy just built is garbage at once.
/// Only markup, text, elements, plain attributes and regions are replayed; anything else (a future MudBlazor rendering a
/// component or an event handler here) falls back to MudThemeProvider's own rendering.
/// MudThemeProvider also builds a default MudTheme of its own (about 110 MudColors, 10 KB per circuit) for when no Theme
/// is given; every provider here keeps one default shared by all instead.
/// </summary>
public sealed class SharedThemeProvider : MudThemeProvider
{
    // Light and dark palettes of the one product theme, and the scrollbar style: a handful of texts in all.
    private const int ShareFrom = 1024;
    private static readonly SharedMarkup<string> Shared = new(capacity: 16);
    private static readonly MudTheme SharedDefaultTheme = new();

    public SharedThemeProvider()
    {
        try
        {
            DefaultTheme(this) = SharedDefaultTheme;
        }
        catch (MissingFieldException)
        {
            // A MudBlazor without that field: each provider keeps its own default, as MudThemeProvider does.
        }
    }

    // MudThemeProvider's "private readonly MudTheme _originalMudTheme = new MudTheme();" (MudBlazor 9), used only when no
    // Theme is given. LayoutProvidersTests fail if MudBlazor renames it.
    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_originalMudTheme")]
    internal static extern ref MudTheme DefaultTheme(MudThemeProvider provider);

#pragma warning disable BL0006, ASP0006 // Replays MudThemeProvider's own frames unchanged, with its own sequence numbers, so diffs stay as its own.
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        using var own = new RenderTreeBuilder();
        base.BuildRenderTree(own);
        var frames = own.GetFrames();
        if (!Replayable(frames.Array, frames.Count))
        {
            base.BuildRenderTree(builder);
            return;
        }

        Replay(builder, frames.Array, 0, frames.Count);
    }

    private static bool Replayable(RenderTreeFrame[] frames, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var frame = frames[i];
            var replayable = frame.FrameType switch
            {
                RenderTreeFrameType.Markup or RenderTreeFrameType.Text or RenderTreeFrameType.Element or RenderTreeFrameType.Region => true,
                RenderTreeFrameType.Attribute => frame.AttributeValue is null or string or bool,
                _ => false,
            };
            if (!replayable)
            {
                return false;
            }
        }

        return true;
    }

    private static void Replay(RenderTreeBuilder builder, RenderTreeFrame[] frames, int start, int end)
    {
        var i = start;
        while (i < end)
        {
            var frame = frames[i];
            switch (frame.FrameType)
            {
                case RenderTreeFrameType.Markup:
                    builder.AddMarkupContent(frame.Sequence, Share(frame.MarkupContent));
                    i++;
                    break;
                case RenderTreeFrameType.Text:
                    builder.AddContent(frame.Sequence, frame.TextContent);
                    i++;
                    break;
                case RenderTreeFrameType.Element:
                    builder.OpenElement(frame.Sequence, frame.ElementName);
                    var child = i + 1;
                    var elementEnd = i + frame.ElementSubtreeLength;
                    for (; child < elementEnd && frames[child].FrameType == RenderTreeFrameType.Attribute; child++)
                    {
                        builder.AddAttribute(frames[child].Sequence, frames[child].AttributeName, frames[child].AttributeValue);
                    }

                    Replay(builder, frames, child, elementEnd);
                    builder.CloseElement();
                    i = elementEnd;
                    break;
                case RenderTreeFrameType.Region:
                    builder.OpenRegion(frame.Sequence);
                    Replay(builder, frames, i + 1, i + frame.RegionSubtreeLength);
                    builder.CloseRegion();
                    i += frame.RegionSubtreeLength;
                    break;
                default:
                    throw new InvalidOperationException($"A {frame.FrameType} frame cannot be replayed; Replayable should have refused it.");
            }
        }
    }
#pragma warning restore BL0006, ASP0006

    private static string Share(string markup)
    {
        if (markup.Length < ShareFrom)
        {
            return markup;
        }

        return Shared.For(markup, static text => text);
    }
}
