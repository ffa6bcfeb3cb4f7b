using System.Collections.Concurrent;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Domain.Rollouts;
using ElearningRollout.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace ElearningRollout.Web.Components.Pages.Rollouts;

/// <summary>
/// The rows of the rollout grid (<see cref="RolloutTable"/>), each MudTable's row markup (a <c>td.mud-table-cell</c> with
/// <c>data-label</c> per column, for the stacked small-screen layout) in five render-tree frames: the row element, its
/// class, the cells only this row has (code, title, training owner), the status, health, phase and IT involvement cells,
/// and the target go-live cell. The middle cells depend only on four values, so their markup (two chips with their icons:
/// two thirds of a row's text) is built once per combination and shared by every row of every circuit; a row written as
/// one string held its own copy, 3 KB per row kept by each open list (docs/performance.md, "Capacity"). A component of
/// its own so that its frames (current and previous tree) stay in small buffers apart from the grid's header and pager.
/// A row's own cells and its last cell are shared too, by every circuit showing a row with the same values (about 1 KB
/// per row, 25 KB per open list, otherwise built and kept by each).
/// Every value from data is HTML-encoded (<see cref="PlainMarkup.Encode"/>).
/// </summary>
public sealed class RolloutTableRows : ComponentBase
{
    // At most 5 statuses x 4 healths x 7 phases x 3 profiles, built when first shown: bounded, and shared by all.
    private static readonly ConcurrentDictionary<(LifecycleStatus, RolloutHealth, PhaseKind, ItInvolvementProfile), string> Middles = new();

    // Bounded: a few pages of every list open at once, whatever the size of the portfolio.
    private static readonly SharedMarkup<(string Code, string Title, string TrainingOwner)> Owns = new(capacity: 4096);
    private static readonly SharedMarkup<DateOnly> Lasts = new(capacity: 4096);

    /// <summary>The rows of the page shown, as their markup (<see cref="RowParts"/>).</summary>
    [Parameter, EditorRequired] public IReadOnlyList<RowCells> Rows { get; set; } = [];

    /// <summary>A row's three pieces of markup, in order: its own first cells, the middle cells, its last cell.</summary>
    public readonly record struct RowCells(string Own, string Shared, string Last);

    /// <summary>A row's markup, every piece shared with every row (of any circuit) with the same values.</summary>
    internal static RowCells RowParts(RolloutListRow row) =>
        new(Owns.For((row.Code, row.Title, row.TrainingOwner), static key =>
            PlainMarkup.TableCell("Code", PlainMarkup.LinkMarkup(RolloutText.Href(key.Code), key.Code))
            + PlainMarkup.TableCell("Title", PlainMarkup.Encode(key.Title))
            + PlainMarkup.TableCell("Training owner", PlainMarkup.Encode(key.TrainingOwner))),
         Middles.GetOrAdd((row.Status, row.Health, row.CurrentPhase, row.Profile), static key =>
            PlainMarkup.TableCell("Status", PlainMarkup.StatusChipMarkup(key.Item1))
            + PlainMarkup.TableCell("Health", PlainMarkup.HealthChipMarkup(key.Item2))
            + PlainMarkup.TableCell("Phase", PlainMarkup.Encode(key.Item3.DisplayName()))
            + PlainMarkup.TableCell("IT involvement", PlainMarkup.Encode(key.Item4.ToString()))),
         Lasts.For(row.TargetGoLive, static date => PlainMarkup.TableCell("Target go-live", PlainMarkup.Encode(RolloutText.Date(date)))));

    /// <summary>The whole row as the browser receives it.</summary>
    internal static string RowMarkup(RolloutListRow row)
    {
        var (own, shared, last) = RowParts(row);
        return $"<tr class=\"{RowClass}\">{own}{shared}{last}</tr>";
    }

    private const string RowClass = "mud-table-row";

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        foreach (var row in Rows)
        {
            var (own, shared, last) = row;
            builder.OpenElement(0, "tr");
            builder.AddAttribute(1, "class", RowClass);
            builder.AddMarkupContent(2, own);
            builder.AddMarkupContent(3, shared);
            builder.AddMarkupContent(4, last);
            builder.CloseElement();
        }
    }
}
