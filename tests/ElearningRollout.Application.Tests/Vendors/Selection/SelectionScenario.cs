using ElearningRollout.Application.Rollouts;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Tests.Rollouts;
using ElearningRollout.Application.Vendors.Selection;
using ElearningRollout.Domain.Vendors;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Vendors.Selection;

/// <summary>
/// A rollout of Tara's (Ivan its IT liaison) with a selection for an LMS platform and two candidates from the registry,
/// so tests state only what matters. Tara is the actor when a step ends.
/// </summary>
internal sealed class SelectionScenario(SqliteTestDatabase database)
{
    public VendorSelectionCommands Commands => database.Get<VendorSelectionCommands>();

    public VendorSelectionQueries Queries => database.Get<VendorSelectionQueries>();

    public DefaultSelectionCriteriaQueries DefaultQueries => database.Get<DefaultSelectionCriteriaQueries>();

    public DefaultSelectionCriteriaCommands DefaultCommands => database.Get<DefaultSelectionCriteriaCommands>();

    public string Code { get; private set; } = "";

    public Guid Acme { get; private set; }

    public Guid Bright { get; private set; }

    public async Task<string> RolloutAsync()
    {
        var ivan = await database.PlayAsync(Accounts.ItLead);
        var tara = await database.PlayAsync(Accounts.Training);
        var draft = Drafts.Rollout();
        draft.ItLiaisonId = ivan.UserId;
        Code = await database.Get<RolloutCommands>().CreateAsync(draft);
        Acme = await VendorAsync("Acme Learning", tara.UserId);
        Bright = await VendorAsync("Bright LMS", tara.UserId);
        return Code;
    }

    /// <summary>The rollout, its selection started by Tara, and both vendors as candidates.</summary>
    public async Task<SelectionView> SelectionWithCandidatesAsync()
    {
        await RolloutAsync();
        await Commands.StartAsync(Code, EngagementType.LmsPlatform);
        await Commands.AddCandidateAsync(Code, Acme, await VersionAsync());
        await Commands.AddCandidateAsync(Code, Bright, await VersionAsync());
        return await SelectionAsync();
    }

    public async Task<Guid> VendorAsync(string name, string registeredById)
    {
        await using var db = await database.CreateDbContextAsync();
        var vendor = new Vendor(name, null, null, null, registeredById, database.Clock.GetUtcNow());
        db.Vendors.Add(vendor);
        await db.SaveChangesAsync();
        return vendor.Id;
    }

    public async Task<SelectionView> SelectionAsync() => (await Queries.GetAsync(Code)).Selection!;

    public async Task<Guid> VersionAsync() => (await SelectionAsync()).Version;

    /// <summary>The current player scores <paramref name="vendor"/> with the same score on every criterion, except those named.</summary>
    public async Task ScoreAsync(Guid vendor, int everywhere, params (string Criterion, int Score)[] except)
    {
        var selection = await SelectionAsync();
        await Commands.RecordScoresAsync(Code, selection.Criteria
            .Select(c => new ScoreDraft(vendor, c.Id, except.Where(e => e.Criterion == c.Name).Select(e => (int?)e.Score).FirstOrDefault() ?? everywhere))
            .ToList());
    }

    public static CriteriaDraft Criteria(params (string Name, int Weight, bool MustHave)[] criteria) => new()
    {
        Criteria = criteria.Select(c => new CriterionDraft { Name = c.Name, Weight = c.Weight, MustHave = c.MustHave }).ToList(),
    };
}
