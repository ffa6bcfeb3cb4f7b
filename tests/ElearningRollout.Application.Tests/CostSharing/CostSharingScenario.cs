using ElearningRollout.Application.CostSharing;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Tests.Rollouts;
using ElearningRollout.Domain.CostSharing;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.CostSharing;

/// <summary>Valid cost line input and the common steps (a rollout of Tara's with an agreement), so tests state only what matters.</summary>
internal sealed class CostSharingScenario(SqliteTestDatabase database)
{
    public CostSharingCommands Commands => database.Get<CostSharingCommands>();

    public CostSharingQueries Queries => database.Get<CostSharingQueries>();

    public static CostLineDraft Line(
        decimal amount = 12000m,
        string description = "LMS licences, 4,000 learners",
        CostRecurrence recurrence = CostRecurrence.Yearly,
        string currency = "EUR",
        params (string Department, decimal Percent)[] split) => new()
    {
        Category = CostCategory.Licences,
        Description = description,
        Amount = amount,
        Currency = currency,
        Nature = CostNature.OpEx,
        Recurrence = recurrence,
        Split = (split.Length == 0 ? [("Training", 60m), ("IT", 40m)] : split)
            .Select(s => new SplitShareDraft { Department = s.Department, Percent = s.Percent })
            .ToList(),
    };

    /// <summary>Tara creates a rollout and its agreement; returns the rollout code.</summary>
    public async Task<string> RolloutWithAgreementAsync(int termMonths = 24)
    {
        await database.PlayAsync(Accounts.Training);
        var code = await database.Get<RolloutCommands>().CreateAsync(Drafts.Rollout());
        await Commands.CreateAsync(code, termMonths);
        return code;
    }

    public async Task<CostAgreementView> AgreementAsync(string code) => (await Queries.GetAsync(code))!.Agreement!;

    public async Task<Guid> VersionAsync(string code) => (await AgreementAsync(code)).Version;

    public async Task<Guid> AddLineAsync(string code, CostLineDraft? line = null) =>
        await Commands.AddLineAsync(code, line ?? Line(), await VersionAsync(code));

    /// <summary>Tara proposes and signs for Training, Ivan signs for IT.</summary>
    public async Task SignByBothSidesAsync(string code)
    {
        await database.PlayAsync(Accounts.Training);
        await Commands.ProposeAsync(code, await VersionAsync(code));
        await Commands.SignAsync(code, await VersionAsync(code));
        await database.PlayAsync(Accounts.ItLead);
        await Commands.SignAsync(code, await VersionAsync(code));
        await database.PlayAsync(Accounts.Training);
    }
}

/// <summary>A fresh database per test with the cost-sharing steps at hand.</summary>
public abstract class CostSharingTest : DatabaseTest
{
    internal CostSharingScenario Costs { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Costs = new CostSharingScenario(Database);
    }
}
