using ElearningRollout.Domain.CostSharing;

namespace ElearningRollout.Domain.Tests.CostSharing;

public class AgreementVersionTests
{
    [Fact]
    public void Editing_a_signed_agreement_starts_version_2_in_draft_that_needs_both_signatures_again()
    {
        var agreement = Costs.ASignedAgreement();
        var line = agreement.Lines[0];

        agreement.ChangeLine(line.Id, Costs.Line(amount: 1500m));

        Assert.Equal((AgreementState.Draft, 2), (agreement.State, agreement.VersionNumber));
        Assert.Null(agreement.TrainingSignedAt);
        Assert.Null(agreement.ItSignedAt);
        Assert.Equal(1200m, Assert.Single(agreement.Versions).Lines[0].Amount);

        agreement.Propose();
        agreement.Sign(Given.TrainingManager(), Costs.Signatories, Given.Now);
        Assert.Equal(AgreementState.Proposed, agreement.State);
        agreement.Sign(Given.ItLead(), Costs.Signatories, Given.Now);
        Assert.Equal([1, 2], agreement.Versions.Select(v => v.Number));
    }

    [Fact]
    public void Saving_a_line_unchanged_does_not_start_a_new_version()
    {
        var agreement = Costs.ASignedAgreement();

        agreement.ChangeLine(agreement.Lines[0].Id, Costs.Line());
        agreement.ChangeTerm(agreement.TermMonths);

        Assert.Equal((AgreementState.Signed, 1), (agreement.State, agreement.VersionNumber));
    }

    [Fact]
    public void The_changes_name_lines_added_removed_and_changed_in_amount_or_split()
    {
        var agreement = Costs.AnAgreement(12, Costs.Line(description: "Licences"), Costs.Line(description: "Hosting"));
        agreement.Propose();
        agreement.Sign(Given.TrainingManager(), Costs.Signatories, Given.Now);
        agreement.Sign(Given.ItLead(), Costs.Signatories, Given.Now);
        var (licences, hosting) = (agreement.Lines[0], agreement.Lines[1]);

        agreement.ChangeLine(licences.Id, Costs.Line(description: "Licences", amount: 900m, split: Costs.Split(("Training", 100m))));
        agreement.RemoveLine(hosting.Id);
        var support = agreement.AddLine(Costs.Line(description: "Support"));
        agreement.ChangeTerm(24);

        var changes = agreement.ChangesSincePreviousVersion()!;

        Assert.Equal((1, 2, 12, 24), (changes.FromVersion, changes.ToVersion, changes.TermMonthsBefore, changes.TermMonthsAfter));
        Assert.Equal(
            [(licences.Id, LineChangeKind.Changed), (hosting.Id, LineChangeKind.Removed), (support.Id, LineChangeKind.Added)],
            changes.Lines.Select(c => (c.LineId, c.Kind)));
        Assert.Equal(["Amount", "Split"], changes.Lines[0].ChangedFields);
        Assert.Equal(1200m, changes.Lines[0].Before!.Amount);
        Assert.Equal("Hosting", changes.Lines[1].Description);
        Assert.Equal(3, support.Number);
    }

    [Fact]
    public void A_first_version_has_no_changes_to_show()
    {
        Assert.Null(Costs.ASignedAgreement().ChangesSincePreviousVersion());
    }

    [Fact]
    public void The_budget_gate_question_needs_at_least_one_line()
    {
        Assert.False(Costs.AnAgreement().EveryLineCategorisedAndSplit);
        Assert.True(Costs.AnAgreement(12, Costs.Line()).EveryLineCategorisedAndSplit);
    }
}
