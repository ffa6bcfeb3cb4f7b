using ElearningRollout.Application.CostSharing;
using ElearningRollout.Application.Persistence;
using Microsoft.EntityFrameworkCore;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.CostSharing;

/// <summary>
/// An agreement's lines, spend and versions are read each by a statement of its own (AgreementStore): in one statement
/// they would come back multiplied, every line with every spend with every version.
/// </summary>
public sealed class AgreementStoreTests : CostSharingTest
{
    [Fact]
    public async Task An_agreement_is_read_whole_with_a_statement_per_collection_not_their_product_in_one()
    {
        var code = await Costs.RolloutWithAgreementAsync();
        var licences = await Costs.AddLineAsync(code);
        var authoring = await Costs.AddLineAsync(code, CostSharingScenario.Line(amount: 8000m, description: "Authoring tool"));
        await Costs.SignByBothSidesAsync(code);
        foreach (var (line, month) in new[] { (licences, 1), (licences, 2), (authoring, 2) })
        {
            var spend = new ActualSpendDraft { SpentOn = new DateOnly(2027, month, 15), Amount = 500m, Note = $"Invoice {month}" };
            await Costs.Commands.RecordActualAsync(code, line, spend, await Costs.VersionAsync(code));
        }

        await using var db = await Database.Get<IDbContextFactory<ElearningRolloutDbContext>>().CreateDbContextAsync();
        Database.Statements.Reset();
        var agreement = await CostSharingCommands.Agreement(code).Load(db, CancellationToken.None);
        var statements = Database.Statements.Count;

        Assert.Equal((2, 3, 1), (agreement.Lines.Count, agreement.Actuals.Count, agreement.Versions.Count));
        Assert.Equal(4, statements);
    }
}
