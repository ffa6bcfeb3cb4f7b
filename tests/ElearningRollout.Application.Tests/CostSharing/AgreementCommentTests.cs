using ElearningRollout.Application.Common;
using ElearningRollout.Application.CostSharing;
using ElearningRollout.Application.Notifications;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Domain.CostSharing;
using Microsoft.EntityFrameworkCore;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.CostSharing;

/// <summary>IT leads propose changes to an agreement through comments (issue "Cost-sharing", permissions); both sides hear of it.</summary>
public sealed class AgreementCommentTests : CostSharingTest
{
    [Fact]
    public async Task An_it_lead_proposes_a_change_to_a_line_and_the_training_owner_reads_it_and_is_notified()
    {
        var code = await Costs.RolloutWithAgreementAsync();
        await Costs.AddLineAsync(code, CostSharingScenario.Line(description: "LMS licences"));
        var before = await Costs.VersionAsync(code);
        await Database.PlayAsync(Accounts.ItLead);

        await Costs.Commands.CommentAsync(code, "  Hosting backups should be IT's alone: 0/100 on this line.  ", lineNumber: 1);

        await Database.PlayAsync(Accounts.Training);
        var tab = (await Costs.Queries.GetAsync(code))!;
        var comment = Assert.Single(tab.Comments);
        Assert.Equal("Hosting backups should be IT's alone: 0/100 on this line.", comment.Text);
        Assert.Equal("Version 1, line 1: LMS licences", comment.About);
        Assert.Equal("Ivan IT", comment.Author);
        Assert.Equal(before, tab.Agreement!.Version);
        var notice = Assert.Single(await NoticesAsync(Accounts.Training, NotificationKind.AgreementComment));
        Assert.Equal($"/rollouts/{code}?tab=costs", notice.Link);
    }

    [Fact]
    public async Task The_training_owners_answer_reaches_the_it_side_and_earlier_voices_but_not_the_author()
    {
        var code = await Costs.RolloutWithAgreementAsync();
        await Database.PlayAsync(Accounts.ItLead);
        await Costs.Commands.CommentAsync(code, "Can we spread the licences 50/50?");
        await Database.PlayAsync(Accounts.Training);

        await Costs.Commands.CommentAsync(code, "Agreed, changing it now.");

        // The rollout has no IT liaison, so the IT side is every IT lead.
        Assert.Single(await NoticesAsync(Accounts.ItLead, NotificationKind.AgreementComment));
        Assert.Single(await NoticesAsync(Accounts.ItLead2, NotificationKind.AgreementComment));
        Assert.Single(await NoticesAsync(Accounts.Training, NotificationKind.AgreementComment));
        var comments = (await Costs.Queries.GetAsync(code))!.Comments;
        Assert.Equal(["Can we spread the licences 50/50?", "Agreed, changing it now."], comments.Select(c => c.Text));
        Assert.All(comments, c => Assert.Equal("Version 1", c.About));
    }

    [Theory]
    [InlineData(Accounts.Executive)]
    [InlineData(Accounts.Training2)]
    public async Task Executives_and_other_training_managers_read_but_cannot_comment(string account)
    {
        var code = await Costs.RolloutWithAgreementAsync();
        await Database.PlayAsync(account);

        var refusal = await Assert.ThrowsAsync<AccessRefusedException>(() => Costs.Commands.CommentAsync(code, "Looks expensive."));

        Assert.Equal("Only the rollout's training owner, its IT liaison, IT leads and administrators can comment on the cost-sharing agreement.", refusal.Message);
        var tab = (await Costs.Queries.GetAsync(code))!;
        Assert.False(tab.Can.Comment);
        Assert.Empty(tab.Comments);
    }

    [Fact]
    public async Task Empty_or_overlong_text_and_an_unknown_line_are_refused_beside_their_field_and_nothing_is_written()
    {
        var code = await Costs.RolloutWithAgreementAsync();
        await Costs.AddLineAsync(code);
        await Database.PlayAsync(Accounts.ItLead);

        var empty = await Assert.ThrowsAsync<ValidationFailedException>(() => Costs.Commands.CommentAsync(code, " \n "));
        var huge = await Assert.ThrowsAsync<ValidationFailedException>(() => Costs.Commands.CommentAsync(code, new string('x', 4001)));
        var line = await Assert.ThrowsAsync<ValidationFailedException>(() => Costs.Commands.CommentAsync(code, "About line 7", lineNumber: 7));

        Assert.Equal(["Write a comment first."], empty.Errors[CommentText.Field]);
        Assert.Equal(["Keep a comment to 4000 characters."], huge.Errors[CommentText.Field]);
        Assert.Equal(["Version 1 has no line 7; pick a line from the list or the whole agreement."], line.Errors["Line"]);
        await using var db = await Database.CreateDbContextAsync();
        Assert.Equal(0, await db.AgreementComments.CountAsync());
        Assert.Equal(0, await db.Notifications.CountAsync(n => n.Kind == NotificationKind.AgreementComment));
    }

    [Fact]
    public async Task A_comment_on_a_closed_version_keeps_naming_the_line_as_it_was_signed()
    {
        var code = await Costs.RolloutWithAgreementAsync();
        await Costs.AddLineAsync(code, CostSharingScenario.Line(description: "LMS licences"));
        await Costs.SignByBothSidesAsync(code);
        await Database.PlayAsync(Accounts.ItLead);
        await Costs.Commands.CommentAsync(code, "Yearly is cheaper than monthly here.", lineNumber: 1);
        await Database.PlayAsync(Accounts.Training);
        var line = (await Costs.AgreementAsync(code)).Lines.Single().Line;

        await Costs.Commands.UpdateLineAsync(code, line.Id, CostSharingScenario.Line(description: "LMS licences, yearly"), await Costs.VersionAsync(code));

        var tab = (await Costs.Queries.GetAsync(code))!;
        Assert.Equal(2, tab.Agreement!.VersionNumber);
        Assert.Equal("Version 1, line 1: LMS licences", Assert.Single(tab.Comments).About);
    }

    [Fact]
    public async Task Proposing_tells_the_it_side_that_its_signature_awaits_but_not_the_owner_who_proposed()
    {
        var code = await Costs.RolloutWithAgreementAsync();
        await Costs.AddLineAsync(code);

        await Costs.Commands.ProposeAsync(code, await Costs.VersionAsync(code));

        Assert.Single(await NoticesAsync(Accounts.ItLead, NotificationKind.SignatureAwaitingMe));
        Assert.Single(await NoticesAsync(Accounts.ItLead2, NotificationKind.SignatureAwaitingMe));
        Assert.Empty(await NoticesAsync(Accounts.Training, NotificationKind.SignatureAwaitingMe));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(121)]
    public async Task A_term_outside_1_to_120_months_is_refused_beside_the_term_field(int months)
    {
        var code = await Costs.RolloutWithAgreementAsync(termMonths: 24);

        var version = await Costs.VersionAsync(code);
        var refusal = await Assert.ThrowsAsync<ValidationFailedException>(() => Costs.Commands.ChangeTermAsync(code, months, version));
        var creating = await Assert.ThrowsAsync<ValidationFailedException>(() => Costs.Commands.CreateAsync(code, months));

        Assert.Equal(["The term must be between 1 and 120 months."], refusal.Errors[CostSharingCommands.TermField]);
        Assert.Equal(["The term must be between 1 and 120 months."], creating.Errors[CostSharingCommands.TermField]);
        Assert.Equal(24, (await Costs.AgreementAsync(code)).TermMonths);
    }

    private async Task<List<NotificationRow>> NoticesAsync(string account, NotificationKind kind)
    {
        var me = Database.Actor.Current;
        await Database.PlayAsync(account);
        var rows = (await Database.Get<NotificationQueries>().ListAsync(false, new PageRequest(0, 50))).Items.Where(n => n.Kind == kind).ToList();
        Database.Actor.PlayAs(me);
        return rows;
    }
}
