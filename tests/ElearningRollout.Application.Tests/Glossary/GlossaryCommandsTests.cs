using ElearningRollout.Application.Common;
using ElearningRollout.Application.Gates;
using ElearningRollout.Application.Glossary;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Tests.Rollouts;
using ElearningRollout.Domain.Gates;
using Microsoft.EntityFrameworkCore;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Glossary;

public sealed class GlossaryCommandsTests : DatabaseTest
{
    private GlossaryCommands Commands => Database.Get<GlossaryCommands>();

    private GlossaryQueries Queries => Database.Get<GlossaryQueries>();

    [Fact]
    public async Task Every_installation_starts_with_the_seed_terms_and_everyone_searches_them()
    {
        await Database.PlayAsync(Accounts.Executive);

        var all = await Queries.SearchAsync(null, new PageRequest(0, 100));
        var sso = await Queries.SearchAsync("corporate login", new PageRequest());

        Assert.Equal(33, all.TotalCount);
        Assert.Equal(["SSO"], sso.Items.Select(t => t.Term));
    }

    [Theory]
    [InlineData(Accounts.Training)]
    [InlineData(Accounts.Executive)]
    public async Task Only_IT_leads_and_administrators_maintain_the_glossary(string email)
    {
        await Database.PlayAsync(email);

        var refusal = await Assert.ThrowsAsync<AccessRefusedException>(
            () => Commands.AddAsync(new GlossaryDraft { Term = "LMS", Definition = "The system that runs the courses." }));

        Assert.Equal("Only IT leads maintain the glossary.", refusal.Message);
        Assert.False(await Queries.CanMaintainAsync());
    }

    [Fact]
    public async Task An_IT_lead_adds_a_term_once_and_edits_it_with_the_version_seen()
    {
        await Database.PlayAsync(Accounts.ItLead);
        await Commands.AddAsync(new GlossaryDraft { Term = "LMS", Definition = "The system that runs the courses." });
        var duplicate = await Assert.ThrowsAsync<ValidationFailedException>(
            () => Commands.AddAsync(new GlossaryDraft { Term = "lms", Definition = "Again." }));
        var lms = (await Queries.SearchAsync("LMS", new PageRequest())).Items.Single(t => t.Term == "LMS");

        await Commands.EditAsync(lms.Id, new GlossaryDraft { Term = "LMS", Definition = "Learning management system." }, lms.Version);
        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => Commands.EditAsync(lms.Id, new GlossaryDraft { Term = "LMS", Definition = "Overwrite." }, lms.Version));

        Assert.Equal(["The glossary already explains \"lms\"."], duplicate.Errors[nameof(GlossaryDraft.Term)]);
        Assert.Equal("Learning management system.", (await Queries.GetAsync(lms.Id))!.Definition);
        Assert.StartsWith("Ivan IT changed this term", stale.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_training_manager_cannot_comment_on_a_gate_of_someone_elses_rollout()
    {
        await Database.PlayAsync(Accounts.Training);
        var code = await Database.Get<RolloutCommands>().CreateAsync(Drafts.Rollout());
        var gateId = (await Database.Get<RolloutQueries>().GetAsync(code))!.Gates.First(g => g.Kind == GateKind.SecurityReview).Id;
        await Database.Get<GateCommands>().CommentAsync(gateId, "Vendor sends the SOC 2 report on Friday.");
        await Database.PlayAsync(Accounts.ItLead);
        await Database.Get<GateCommands>().CommentAsync(gateId, "Thanks, I will review it on Monday.");
        await Database.PlayAsync(Accounts.Training2);

        await Assert.ThrowsAsync<AccessRefusedException>(() => Database.Get<GateCommands>().CommentAsync(gateId, "Me too"));

        var comments = (await Database.Get<GateQueries>().GetAsync(gateId))!.Comments;
        Assert.Equal(["Tara Training", "Ivan IT"], comments.Select(c => c.Author));
    }

    [Fact]
    public async Task Two_IT_leads_adding_the_same_term_at_once_keep_the_first_and_the_second_is_told_beside_the_field()
    {
        await Database.PlayAsync(Accounts.ItLead);
        var raced = false;
        Database.Faults.When = context =>
        {
            if (!raced && context.ChangeTracker.Entries<Domain.Glossary.GlossaryTerm>().Any(t => t.State == EntityState.Added && t.Entity.Term == "Tin Can"))
            {
                raced = true;
                // The other IT lead's save lands after this one's check and before its save.
                using var other = Database.CreateDbContextAsync().GetAwaiter().GetResult();
                other.GlossaryTerms.Add(new Domain.Glossary.GlossaryTerm("Tin Can", "The other IT lead's definition."));
                other.SaveChanges();
            }

            return false;
        };

        var failure = await Assert.ThrowsAsync<ValidationFailedException>(
            () => Commands.AddAsync(new GlossaryDraft { Term = "Tin Can", Definition = "xAPI's first name." }));

        Assert.True(raced);
        Assert.Equal(["The glossary already explains \"Tin Can\"."], failure.Errors[nameof(GlossaryDraft.Term)]);
        await using var db = await Database.CreateDbContextAsync();
        Assert.Equal(["The other IT lead's definition."], await db.GlossaryTerms.Where(t => t.Term == "Tin Can").Select(t => t.Definition).ToListAsync());
    }
}
