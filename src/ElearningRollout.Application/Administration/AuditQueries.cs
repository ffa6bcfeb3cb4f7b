using System.Globalization;
using System.Text;
using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Administration;

/// <summary>Filters of /admin/audit; null means any. Dates are UTC days, both ends included.</summary>
public sealed record AuditLogQuery(
    string? User = null, string? EntityType = null, string? EntityId = null, string? Action = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>The audit trail for administrators: filtered and paged in the database, exportable as CSV.</summary>
public sealed class AuditQueries(IDbContextFactory<ElearningRolloutDbContext> dbFactory, ICurrentActor currentActor, RefusalAudit refusals, ExportAudit exports) : IUseCases
{
    public const int MaxExportRows = 100_000;

    public async Task<Page<AuditLogRow>> SearchAsync(AuditLogQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        await RequireAdministratorAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = await FilterAsync(db, query, cancellationToken);
        var total = await entries.CountAsync(cancellationToken);
        // The record's name comes with the page, in the same query: the person an account entry is about, the rollout an
        // entry belongs to (its code).
        var rows = await (
                from a in entries.OrderByDescending(a => a.Id).Skip(page.Skip).Take(page.SafeSize)
                join u in db.Users on a.EntityId equals u.Id into people
                from person in people.DefaultIfEmpty()
                join r in db.Rollouts on a.RolloutId equals (Guid?)r.Id into rollouts
                from rollout in rollouts.DefaultIfEmpty()
                orderby a.Id descending
                select new { Entry = a, Person = a.EntityType == SignInAudit.EntityType ? person!.DisplayName : null, Rollout = rollout!.Code })
            .ToListAsync(cancellationToken);
        var text = AuditText.Of(db.Model);
        return new Page<AuditLogRow>(rows.Select(r => ToRow(text, r.Entry, r.Person, r.Rollout)).ToList(), total);
    }

    public async Task<IReadOnlyList<string>> EntityTypesAsync(CancellationToken cancellationToken = default)
    {
        await RequireAdministratorAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditEntries.Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The filtered entries, newest first, as CSV (RFC 4180 quoting; invariant culture; at most 100,000 rows). The export
    /// itself is audited (<see cref="ExportAudit.AuditLogExported"/>) before the file is returned.
    /// </summary>
    public async Task<string> ExportCsvAsync(AuditLogQuery query, CancellationToken cancellationToken = default)
    {
        var actor = await RequireAdministratorAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = await (await FilterAsync(db, query, cancellationToken)).OrderByDescending(a => a.Id).Take(MaxExportRows).ToListAsync(cancellationToken);
        var csv = new StringBuilder("Id,AtUtc,User,EntityType,EntityId,Action,Before,After\r\n");
        foreach (var a in entries)
        {
            csv.AppendJoin(',', a.Id.ToString(CultureInfo.InvariantCulture), a.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                Quote(a.UserName), Quote(a.EntityType), Quote(a.EntityId), Quote(a.Action), Quote(a.Before), Quote(a.After)).Append("\r\n");
        }

        var filters = new (string, string?)[]
        {
            ("User", query.User), ("EntityType", query.EntityType), ("EntityId", query.EntityId), ("Action", query.Action),
            ("From", query.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("To", query.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        };
        return await exports.HandOutAsync(actor, new ExportRecord(ExportAudit.AuditLogExported, "audit-log", "CSV", entries.Count, filters), csv.ToString(), cancellationToken);
    }

    private async Task<Actor> RequireAdministratorAsync(CancellationToken cancellationToken)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        if (!actor.IsAdministrator)
        {
            throw await refusals.RefuseAsync(actor, "Only administrators read the audit log.", cancellationToken);
        }

        return actor;
    }

    private static async Task<IQueryable<AuditEntry>> FilterAsync(ElearningRolloutDbContext db, AuditLogQuery query, CancellationToken cancellationToken)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.User))
        {
            var user = query.User.Trim().ToLower();
            entries = entries.Where(a => a.UserName.ToLower().Contains(user));
        }

        if (!string.IsNullOrWhiteSpace(query.EntityType))
        {
            entries = entries.Where(a => a.EntityType == query.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(query.EntityId))
        {
            entries = entries.Where(a => a.EntityId == query.EntityId.Trim());
        }

        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            entries = entries.Where(a => a.Action == query.Action.Trim());
        }

        // SQLite cannot compare DateTimeOffset columns, so a date range becomes a range of the increasing ids.
        if (query.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var firstId = await FirstIdAtOrAfterAsync(db, start, cancellationToken);
            entries = entries.Where(a => a.Id >= firstId);
        }

        if (query.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var firstAfter = await FirstIdAtOrAfterAsync(db, end, cancellationToken);
            entries = entries.Where(a => a.Id < firstAfter);
        }

        return entries;
    }

    /// <summary>Entries are appended in time order, so the ids are sorted by time: binary search over them.</summary>
    private static async Task<long> FirstIdAtOrAfterAsync(ElearningRolloutDbContext db, DateTimeOffset moment, CancellationToken cancellationToken)
    {
        long low = 1, high = (await db.AuditEntries.MaxAsync(a => (long?)a.Id, cancellationToken) ?? 0) + 1;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            var at = await db.AuditEntries.Where(a => a.Id >= middle).OrderBy(a => a.Id).Select(a => (DateTimeOffset?)a.At).FirstOrDefaultAsync(cancellationToken);
            if (at is null || at >= moment)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }

    private static AuditLogRow ToRow(AuditText text, AuditEntry a, string? person, string? rollout) => new(
        a.Id, a.At, a.UserName, a.EntityType, a.EntityId, a.Action, text.Changes(a.EntityType, a.Before, a.After),
        AuditText.Subject(a.EntityType),
        person is { Length: > 0 } ? person : rollout is null ? null : a.EntityType == nameof(Domain.Rollouts.Rollout) ? rollout : $"of {rollout}",
        AuditText.Action(a.Action));

    /// <summary>Every text field through the exports' one CSV rule (quoted, formula triggers defused): see <see cref="TableFile.Cell"/>.</summary>
    private static string Quote(string? value) => TableFile.Cell(value ?? "");
}
