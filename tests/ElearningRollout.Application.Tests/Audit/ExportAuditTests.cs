using System.Text.Json;
using ElearningRollout.Application.Administration;
using ElearningRollout.Application.Audit;
using ElearningRollout.Application.CostSharing;
using ElearningRollout.Application.Dashboard;
using ElearningRollout.Application.Tests.CostSharing;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Domain.Rollouts;
using Microsoft.EntityFrameworkCore;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Audit;

/// <summary>
/// Every file export (audit log, portfolio, cost sharing) is a security-relevant event: the use case writes one audit
/// entry (who, what, format, rows, filters) before it returns the file, and returns no file when the entry cannot be written.
/// </summary>
public sealed class ExportAuditTests : DatabaseTest
{
    [Fact]
    public async Task An_audit_log_export_is_audited_with_the_administrator_the_filters_and_the_row_count()
    {
        var admin = await Database.PlayAsync(Accounts.Admin);

        var csv = await Database.Get<AuditQueries>().ExportCsvAsync(new AuditLogQuery(EntityType: "Rollout", Action: "Created", From: new DateOnly(2026, 1, 1)));

        var entry = Assert.Single(await ExportEntriesAsync());
        Assert.Equal((ExportAudit.AuditLogExported, admin.UserId, admin.DisplayName, "audit-log"), (entry.Action, entry.UserId, entry.UserName, entry.EntityId));
        Assert.Equal(Database.Clock.GetUtcNow(), entry.At);
        var details = Details(entry);
        Assert.Equal(DataLines(csv), details.GetProperty("Rows").GetInt32());
        Assert.Equal(("CSV", "EntityType=Rollout, Action=Created, From=2026-01-01"), (details.GetProperty("Format").GetString(), details.GetProperty("Filters").GetString()));
    }

    [Fact]
    public async Task A_portfolio_export_as_CSV_and_as_Excel_is_audited_each_time_with_the_person_the_filters_and_the_row_count()
    {
        var executive = await Database.PlayAsync(Accounts.Executive);
        var filter = new DashboardFilter(Health: RolloutHealth.OnTrack);

        var csv = await Database.Get<DashboardQueries>().ExportCsvAsync(filter);
        await Database.Get<DashboardQueries>().ExportExcelAsync(filter);

        var entries = await ExportEntriesAsync();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal((ExportAudit.PortfolioExported, executive.UserId, "portfolio"), (e.Action, e.UserId, e.EntityId)));
        Assert.Equal(
            [("CSV", DataLines(csv), "Health=OnTrack"), ("XLSX", DataLines(csv), "Health=OnTrack")],
            entries.Select(Details).Select(d => (d.GetProperty("Format").GetString(), d.GetProperty("Rows").GetInt32(), d.GetProperty("Filters").GetString())));
    }

    [Fact]
    public async Task A_cost_sharing_export_as_CSV_and_as_Excel_is_audited_each_time_with_the_rollout_and_the_row_count()
    {
        var costs = new CostSharingScenario(Database);
        var code = await costs.RolloutWithAgreementAsync();
        await costs.AddLineAsync(code);
        var ivan = await Database.PlayAsync(Accounts.ItLead);

        var csv = await costs.Queries.ExportCsvAsync(code);
        await costs.Queries.ExportExcelAsync(code);

        var entries = await ExportEntriesAsync();
        Assert.Equal(
            [("CSV", 2, $"Rollout={code}"), ("XLSX", 2, $"Rollout={code}")],
            entries.Select(Details).Select(d => (d.GetProperty("Format").GetString(), d.GetProperty("Rows").GetInt32(), d.GetProperty("Filters").GetString())));
        Assert.Equal(2, DataLines(csv));
        Assert.All(entries, e => Assert.Equal((ExportAudit.CostSharingExported, ivan.UserId, code), (e.Action, e.UserId, e.EntityId)));
    }

    public static TheoryData<string> Exports() => ["AuditLogCsv", "PortfolioCsv", "PortfolioExcel", "CostSharingCsv", "CostSharingExcel"];

    [Theory]
    [MemberData(nameof(Exports))]
    public async Task When_the_entry_cannot_be_written_no_file_is_returned(string export)
    {
        var costs = new CostSharingScenario(Database);
        var code = await costs.RolloutWithAgreementAsync();
        await Database.PlayAsync(Accounts.Admin);
        await using (var db = await Database.CreateDbContextAsync())
        {
            // The audit trail refuses export entries (a full disk, a lost permission): the export must fail with it.
            await db.Database.ExecuteSqlRawAsync(
                $"CREATE TRIGGER refuse_exports BEFORE INSERT ON AuditEntries WHEN NEW.EntityType = '{ExportAudit.EntityType}' BEGIN SELECT RAISE(ABORT, 'audit trail unavailable'); END;");
        }

        Func<Task<object>> act = export switch
        {
            "AuditLogCsv" => async () => await Database.Get<AuditQueries>().ExportCsvAsync(new AuditLogQuery()),
            "PortfolioCsv" => async () => await Database.Get<DashboardQueries>().ExportCsvAsync(new DashboardFilter()),
            "PortfolioExcel" => async () => await Database.Get<DashboardQueries>().ExportExcelAsync(new DashboardFilter()),
            "CostSharingCsv" => async () => await Database.Get<CostSharingQueries>().ExportCsvAsync(code),
            _ => async () => await Database.Get<CostSharingQueries>().ExportExcelAsync(code),
        };

        await Assert.ThrowsAsync<DbUpdateException>(act);
        Assert.Empty(await ExportEntriesAsync());
    }

    private async Task<List<AuditEntry>> ExportEntriesAsync()
    {
        await using var db = await Database.CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == ExportAudit.EntityType).OrderBy(a => a.Id).ToListAsync();
    }

    private static JsonElement Details(AuditEntry entry) => JsonDocument.Parse(entry.After!).RootElement;

    private static int DataLines(string csv) => csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1;
}
