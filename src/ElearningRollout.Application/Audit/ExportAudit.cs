using System.Text.Json;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Audit;

/// <summary>What an export handed out: its action, the record it is of, the file format, the rows and the filters that chose them.</summary>
internal sealed record ExportRecord(string Action, string EntityId, string Format, int Rows, IReadOnlyList<(string Name, string? Value)> Filters);

/// <summary>
/// Every file export (audit log, portfolio, cost sharing) goes through here before the file is handed out: it appends an
/// audit entry (entity type <see cref="EntityType"/>; who, when, what, the format, the row count and the filters) through
/// its own DbContext. Unlike <see cref="RefusalAudit"/>, a failure is not swallowed: no entry, no file.
/// </summary>
public sealed class ExportAudit(IDbContextFactory<ElearningRolloutDbContext> dbFactory, TimeProvider clock)
{
    public const string EntityType = "Export";
    public const string AuditLogExported = "AuditLogExported";
    public const string PortfolioExported = "PortfolioExported";
    public const string CostSharingExported = "CostSharingExported";

    /// <summary>Records the export by <paramref name="actor"/>, then gives back <paramref name="file"/>; throws, and gives nothing, when the entry cannot be saved.</summary>
    internal async Task<T> HandOutAsync<T>(Actor actor, ExportRecord export, T file, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserId = actor.UserId,
            UserName = actor.DisplayName,
            EntityType = EntityType,
            EntityId = export.EntityId,
            Action = export.Action,
            After = JsonSerializer.Serialize(new { export.Format, export.Rows, Filters = FiltersText(export.Filters) }),
        });
        await db.SaveChangesAsync(cancellationToken);
        return file;
    }

    /// <summary>"Health=AtRisk, Department=Sales", or "none": one value, so the audit page shows it as one change.</summary>
    private static string FiltersText(IEnumerable<(string Name, string? Value)> filters)
    {
        var set = filters.Where(f => !string.IsNullOrWhiteSpace(f.Value)).Select(f => $"{f.Name}={f.Value!.Trim()}").ToList();
        return set.Count == 0 ? "none" : string.Join(", ", set);
    }
}
