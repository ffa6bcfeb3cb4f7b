using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Domain.CostSharing;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Tests.CostSharing;

public sealed class CostSharingExportTests : CostSharingTest
{
    [Fact]
    public async Task The_Excel_workbook_has_a_sheet_per_version_with_the_rows_of_the_CSV()
    {
        var code = await Costs.RolloutWithAgreementAsync(termMonths: 24);
        var line = await Costs.AddLineAsync(code, CostSharingScenario.Line(1234.5m, "Licences, year one", CostRecurrence.Yearly));
        await Costs.SignByBothSidesAsync(code);
        await Costs.Commands.UpdateLineAsync(code, line, CostSharingScenario.Line(99.99m, "=HYPERLINK(\"x\")", CostRecurrence.OneOff, split: [("IT", 100m)]),
            await Costs.VersionAsync(code));

        using var workbook = new MemoryStream(await Costs.Queries.ExportExcelAsync(code));

        Assert.Equal(["Version 1", "Version 2"], MiniExcelLibs.MiniExcel.GetSheetNames(workbook));
        var first = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "Version 1").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(2, first.Count);
        Assert.Equal(("Training", "740.70"), ((string)first[0]["Department"], (string)first[0]["DepartmentAmount"]));
        var second = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "Version 2").Cast<IDictionary<string, object>>().Single();
        Assert.Equal("=HYPERLINK(\"x\")", (string)second["Description"]); // text, not a formula (TableFileTests)
    }

    [Fact]
    public async Task The_CSV_holds_every_version_one_row_per_line_and_department_with_invariant_numbers()
    {
        var code = await Costs.RolloutWithAgreementAsync(termMonths: 24);
        var line = await Costs.AddLineAsync(code, CostSharingScenario.Line(1234.5m, "Licences, year one", CostRecurrence.Yearly));
        await Costs.SignByBothSidesAsync(code);
        await Costs.Commands.UpdateLineAsync(code, line, CostSharingScenario.Line(99.99m, "=HYPERLINK(\"x\")", CostRecurrence.OneOff, split: [("IT", 100m)]),
            await Costs.VersionAsync(code));

        var rows = Parse(await Costs.Queries.ExportCsvAsync(code));

        Assert.Equal(
            ["Rollout", "Version", "State", "TermMonths", "SignedForTraining", "SignedForIT", "Line", "Category", "Description", "Nature",
             "Recurrence", "Currency", "Amount", "BudgetOverTerm", "Department", "Percent", "DepartmentAmount", "DepartmentOverTerm"],
            rows[0]);
        Assert.Equal(4, rows.Count);
        var training = rows[1];
        Assert.Equal([code, "1", "Signed", "24"], training[..4]);
        Assert.NotEqual("", training[4]);
        Assert.Equal(["1", "Licences", "Licences, year one", "OpEx", "Yearly", "EUR", "1234.50", "2469.00", "Training", "60.00", "740.70", "1481.40"],
            training[6..]);
        Assert.Equal(["IT", "40.00", "493.80", "987.60"], rows[2][14..]);
        Assert.Equal([code, "2", "Draft", "24", "", ""], rows[3][..6]);

        // Typed text that a spreadsheet would run as a formula is kept as text.
        Assert.Equal("'=HYPERLINK(\"x\")", rows[3][8]);
    }

    [Fact]
    public async Task The_budget_agreement_status_answers_the_gate_question()
    {
        var code = await Costs.RolloutWithAgreementAsync();
        var rolloutId = await RolloutIdAsync(code);
        Assert.False((await Costs.Queries.BudgetAgreementStatusAsync(rolloutId)).EveryLineCategorisedAndSplit);

        await Costs.AddLineAsync(code);
        Assert.True((await Costs.Queries.BudgetAgreementStatusAsync(rolloutId)) is { EveryLineCategorisedAndSplit: true, IsSigned: false });

        await Costs.SignByBothSidesAsync(code);
        var status = await Costs.Queries.BudgetAgreementStatusAsync(rolloutId);
        Assert.Equal((true, true, true, 1), (status.HasAgreement, status.EveryLineCategorisedAndSplit, status.IsSigned, status.LastSignedVersion));
        Assert.False((await Costs.Queries.BudgetAgreementStatusAsync(Guid.NewGuid())).HasAgreement);
    }

    private async Task<Guid> RolloutIdAsync(string code)
    {
        await using var db = await Database.CreateDbContextAsync();
        return await db.Rollouts.Where(r => r.Code == code).Select(r => r.Id).SingleAsync();
    }

    /// <summary>A small RFC 4180 reader: quoted cells may hold commas and doubled quotes.</summary>
    private static List<string[]> Parse(string csv)
    {
        var rows = new List<string[]>();
        foreach (var line in csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var cells = new List<string>();
            var cell = new System.Text.StringBuilder();
            var quoted = false;
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = !quoted;
                }
                else if (c == ',' && !quoted)
                {
                    cells.Add(cell.ToString());
                    cell.Clear();
                }
                else
                {
                    cell.Append(c);
                }
            }

            cells.Add(cell.ToString());
            rows.Add([.. cells]);
        }

        return rows;
    }
}
