using Bunit;
using ElearningRollout.Application.Gates;
using ElearningRollout.Domain.Calendar;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Web.Components.Pages.Reviews;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace ElearningRollout.Web.Tests.Components;

/// <summary>
/// A review queue row's reviewer and due columns: the reader's own review reads "You", one they hold for an away
/// colleague "You, for" them, and a gate with several pending reviewers lists each review's own clock.
/// </summary>
public sealed class QueueReviewsTests
{
    private static readonly ReviewClock ThreeLeft = new(new DateOnly(2026, 11, 9), 3, 0);
    private static readonly ReviewClock OneOverdue = new(new DateOnly(2026, 11, 5), 0, 1);

    private static ReviewQueueRow Row(bool isMine, string? forReviewer, params ReviewQueueReview[] pending) =>
        new(Guid.NewGuid(), "ELR-0001", "Dealer academy", GateKind.SecurityReview, GateState.Submitted, "Sam Standin for Ivan IT, Iris Infra", isMine,
            pending[0].DueDate, pending[0].Clock?.IsOverdue == true)
        { Clock = pending[0].Clock, ForReviewer = forReviewer, Pending = pending };

    [Fact]
    public async Task A_stand_in_reads_the_review_they_hold_as_theirs_for_the_away_reviewer_with_each_reviews_clock()
    {
        await using var ctx = NewContext();
        var row = Row(true, "Ivan IT",
            new ReviewQueueReview("Ivan IT", "Sam Standin", true, true, ThreeLeft.DueDate, ThreeLeft),
            new ReviewQueueReview("Iris Infra", null, false, false, OneOverdue.DueDate, OneOverdue));

        var reviewer = ctx.Render<QueueReviews>(p => p.Add(x => x.Row, row));
        var due = ctx.Render<QueueReviews>(p => p.Add(x => x.Row, row).Add(x => x.Part, QueueReviews.QueueColumn.Due));

        Assert.Equal("You, for Ivan IT", reviewer.Markup.Trim());
        Assert.Equal("3 working days left", due.Find("[data-testid=review-clock]").TextContent.Trim());
        Assert.Equal(["You, for Ivan IT: 3 working days left", "Iris Infra: 1 working day overdue"],
            due.FindAll("[data-testid=queue-reviews] li").Select(li => li.TextContent.Trim()));
    }

    [Fact]
    public async Task A_colleague_sees_who_holds_the_pending_reviews_and_a_single_review_needs_no_list()
    {
        await using var ctx = NewContext();
        var theirs = Row(false, null, new ReviewQueueReview("Ivan IT", "Sam Standin", false, false, ThreeLeft.DueDate, ThreeLeft));

        var reviewer = ctx.Render<QueueReviews>(p => p.Add(x => x.Row, theirs));
        var due = ctx.Render<QueueReviews>(p => p.Add(x => x.Row, theirs).Add(x => x.Part, QueueReviews.QueueColumn.Due));

        Assert.Equal("Sam Standin for Ivan IT, Iris Infra", reviewer.Markup.Trim());
        Assert.Empty(due.FindAll("[data-testid=queue-reviews]"));
        Assert.Contains("9 Nov 2026", due.Markup, StringComparison.Ordinal);
    }

    private static BunitContext NewContext()
    {
        var ctx = new BunitContext();
        ctx.Services.AddMudServices();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        return ctx;
    }
}
