using ElearningRollout.Application.Common;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.CostSharing;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.CostSharing;

public sealed class CostSharingSigningTests : CostSharingTest
{
    [Fact]
    public async Task Training_and_IT_sign_and_the_agreement_is_signed_with_both_names()
    {
        var code = await Costs.RolloutWithAgreementAsync();
        await Costs.AddLineAsync(code);
        await Costs.Commands.ProposeAsync(code, await Costs.VersionAsync(code));

        Assert.Equal(AgreementSide.Training, await Costs.Commands.SignAsync(code, await Costs.VersionAsync(code)));
        await Database.PlayAsync(Accounts.ItLead);
        var tab = (await Costs.Queries.GetAsync(code))!;
        Assert.Equal((true, AgreementSide.It), (tab.Can.Sign, tab.Can.SignsAs));
        Assert.Equal(AgreementSide.It, await Costs.Commands.SignAsync(code, tab.Agreement!.Version));

        var agreement = await Costs.AgreementAsync(code);
        Assert.Equal(AgreementState.Signed, agreement.State);
        Assert.Equal(AgreementSide.Training, agreement.TrainingSignature!.Side);
        Assert.NotEqual(agreement.TrainingSignature.SignedBy, agreement.ItSignature!.SignedBy);
        Assert.Equal(Database.Clock.GetUtcNow(), agreement.ItSignature.SignedAt);
        Assert.True(agreement.BudgetStatus is { IsSigned: true, EveryLineCategorisedAndSplit: true, LastSignedVersion: 1 });
    }

    [Fact]
    public async Task A_second_IT_lead_cannot_sign_again_for_IT()
    {
        var code = await Costs.RolloutWithAgreementAsync();
        await Costs.AddLineAsync(code);
        await Costs.Commands.ProposeAsync(code, await Costs.VersionAsync(code));
        await Database.PlayAsync(Accounts.ItLead);
        await Costs.Commands.SignAsync(code, await Costs.VersionAsync(code));
        await Database.PlayAsync(Accounts.ItLead2);

        Assert.False((await Costs.Queries.GetAsync(code))!.Can.Sign);
        var refusal = await Assert.ThrowsAsync<DomainException>(async () => await Costs.Commands.SignAsync(code, await Costs.VersionAsync(code)));
        Assert.Equal("The IT side has already signed this version.", refusal.Message);
    }

    [Fact]
    public async Task Editing_a_signed_agreement_makes_version_2_in_draft_and_version_1_stays_readable_with_the_changes()
    {
        var code = await Costs.RolloutWithAgreementAsync();
        var licences = await Costs.AddLineAsync(code);
        var hosting = await Costs.AddLineAsync(code, CostSharingScenario.Line(500m, "Hosting", CostRecurrence.Monthly, split: [("IT", 100m)]));
        await Costs.SignByBothSidesAsync(code);

        await Costs.Commands.UpdateLineAsync(code, licences, CostSharingScenario.Line(15000m), await Costs.VersionAsync(code));
        await Costs.Commands.RemoveLineAsync(code, hosting, await Costs.VersionAsync(code));

        var current = await Costs.AgreementAsync(code);
        Assert.Equal((AgreementState.Draft, 2, null, null), (current.State, current.VersionNumber, current.TrainingSignature, current.ItSignature));
        Assert.Equal(1, Assert.Single(current.EarlierVersions).Number);
        Assert.Equal(
            [(licences, LineChangeKind.Changed), (hosting, LineChangeKind.Removed)],
            current.ChangesSincePreviousVersion!.Lines.Select(c => (c.LineId, c.Kind)));
        Assert.Equal(["Amount"], current.ChangesSincePreviousVersion.Lines[0].ChangedFields);

        var first = (await Costs.Queries.GetVersionAsync(code, 1))!;
        Assert.Equal((AgreementState.Signed, false), (first.State, first.IsCurrent));
        Assert.Equal([12000m, 500m], first.Lines.Select(l => l.Amount.Amount));
        Assert.NotNull(first.ItSignature);
        var second = (await Costs.Queries.GetVersionAsync(code, 2))!;
        Assert.Equal(2, second.ChangesFromPreviousVersion!.Lines.Count);
        Assert.Null(await Costs.Queries.GetVersionAsync(code, 3));
    }

    [Fact]
    public async Task Two_people_editing_the_same_version_conflict_and_the_second_change_is_not_written()
    {
        var code = await Costs.RolloutWithAgreementAsync();
        var tara = await Database.PlayAsync(Accounts.Training);
        var seen = await Costs.VersionAsync(code);
        await Costs.Commands.AddLineAsync(code, CostSharingScenario.Line(description: "First"), seen);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => Costs.Commands.AddLineAsync(code, CostSharingScenario.Line(description: "Second"), seen));

        Assert.StartsWith($"{tara.DisplayName} changed this cost-sharing agreement at ", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(["First"], (await Costs.AgreementAsync(code)).Lines.Select(l => l.Line.Description));
    }

    [Fact]
    public async Task Totals_per_department_and_currency_and_a_line_over_budget_show_on_the_tab()
    {
        var code = await Costs.RolloutWithAgreementAsync(termMonths: 18);
        var licences = await Costs.AddLineAsync(code, CostSharingScenario.Line(1000m, recurrence: CostRecurrence.Yearly));
        await Costs.AddLineAsync(code, CostSharingScenario.Line(250m, "Support", CostRecurrence.Monthly, "USD", ("IT", 100m)));
        var spend = new Application.CostSharing.ActualSpendDraft { SpentOn = new DateOnly(2027, 2, 1), Amount = 2000.01m };
        await Costs.Commands.RecordActualAsync(code, licences, spend, await Costs.VersionAsync(code));

        var agreement = await Costs.AgreementAsync(code);

        Assert.Equal([("EUR", 2000m), ("USD", 4500m)], agreement.CurrencyTotals.Select(t => (t.Currency, t.OverTerm.Amount)));
        Assert.Equal(
            [("IT", "EUR", 800m), ("IT", "USD", 4500m), ("Training", "EUR", 1200m)],
            agreement.DepartmentTotals.Select(t => (t.Department, t.Currency, t.OverTerm.Amount)));
        var line = agreement.Lines.Single(l => l.Line.Id == licences);
        Assert.True(line.Variance.IsOverBudget);
        Assert.Equal(0.01m, line.Variance.Variance.Amount);
        Assert.False(agreement.Lines.Single(l => l.Line.Id != licences).Variance.IsOverBudget);
    }
}
