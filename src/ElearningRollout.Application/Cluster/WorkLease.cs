using ElearningRollout.Domain.Common;

namespace ElearningRollout.Application.Cluster;

/// <summary>
/// Who does a piece of background work until when, so that of several instances over one database exactly one does
/// it (the notification pass: the overdue scan and the e-mails). Claimed by a conditional UPDATE that only succeeds
/// when the lease is free, expired, or already the claimer's (<see cref="WorkLeases"/>).
/// </summary>
[NotAudited("Which instance runs background work is machinery, not the project's record; the work it does is audited itself.")]
public sealed class WorkLease
{
    public const int MaxNameLength = 100;
    public const int MaxHolderLength = 200;

    /// <summary>The work, e.g. "notification-pass".</summary>
    public string Name { get; set; } = "";

    /// <summary>The instance holding it (<see cref="WorkerIdentity"/>).</summary>
    public string Holder { get; set; } = "";

    /// <summary>
    /// Until when, as Unix milliseconds (UTC): a plain integer compares the same way in SQLite and SQL Server, where
    /// SQLite stores a DateTimeOffset as text that EF Core cannot compare in SQL.
    /// </summary>
    public long ExpiresAtUnixMs { get; set; }
}
