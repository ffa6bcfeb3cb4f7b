using System.Text.Json;
using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Application.Vendors;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.CoursePackages;
using ElearningRollout.Domain.Vendors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ElearningRollout.Application.CoursePackages;

/// <summary>
/// Uploading a vendor's course package on a deliverable: the same people who record deliverables (the rollout's
/// training owner, administrators) through the edit pipeline. The upload is streamed into the package store, checked
/// there, and either kept with its report or refused and deleted, the refusal audited.
/// </summary>
public sealed class CoursePackageCommands(
    EditPipeline edits,
    CoursePackageStore store,
    IDbContextFactory<ElearningRolloutDbContext> dbFactory,
    ILogger<CoursePackageCommands> logger) : IUseCases
{
    public const string AuditEntityType = "CoursePackage";
    public const string RefusedAction = "Refused";

    private static readonly EditAccess<Edit<VendorEngagement>> Managing = new(e => VendorAccess.EnsureCanManageEngagements(e.Actor, e.Rollout.TrainingOwnerId));

    /// <summary>
    /// Checks <paramref name="content"/> (the zip, read once, in chunks) as the package of <paramref name="stage"/> and
    /// keeps it with its report; returns the report's id. A hostile, damaged or oversized archive is refused with a
    /// <see cref="DomainException"/> saying why, and nothing of it stays in the store or the database.
    /// </summary>
    /// <param name="fileName">The uploaded file's name, for people only; never a path.</param>
    /// <param name="declaredBytes">
    /// The size the sender announced (an HTTP upload's Content-Length), when known: past the limit the package is refused
    /// before a byte is read. The limit is enforced on the bytes actually read either way.
    /// </param>
    public async Task<CoursePackageReceipt> UploadAsync(
        Guid engagementId, DeliverableStage stage, string fileName, Stream content, long? declaredBytes = null, CancellationToken cancellationToken = default)
    {
        string? placed = null;
        try
        {
            return await edits.ChangeAsync(EngagementStore.Target(engagementId), null, Managing, async (e, ct) =>
            {
                // Before reading a byte: a signed-off stage or a closed engagement takes no package.
                e.Aggregate.EnsureMayCheckPackage(stage);
                var shownName = ShownName(fileName);
                if (declaredBytes > store.Limits.MaxPackageBytes)
                {
                    throw await RefuseAsync(e, stage, shownName, CoursePackageStore.TooLarge(store.Limits.MaxPackageBytes));
                }

                using var incoming = await ReceiveOrRefuseAsync(e, stage, shownName, content, ct);
                CoursePackageReport report;
                await using (var zip = incoming.OpenRead())
                {
                    report = await InspectOrRefuseAsync(e, stage, shownName, zip, ct);
                }

                placed = store.Place(incoming, engagementId);
                var check = e.Aggregate.RecordPackageCheck(stage, shownName, placed, incoming.Length, incoming.Sha256, report, e.Actor.UserId, e.Now);
                return new CoursePackageReceipt(check.Id, check.FileName, check.PackageBytes, check.Report);
            }, cancellationToken);
        }
        catch when (placed is not null)
        {
            // The report was not saved (a conflict, a closed rollout, the database): no file without its record.
            store.Remove(placed);
            throw;
        }
    }

    private async Task<IncomingPackage> ReceiveOrRefuseAsync(Edit<VendorEngagement> e, DeliverableStage stage, string fileName, Stream content, CancellationToken ct)
    {
        try
        {
            return await store.ReceiveAsync(content, ct);
        }
        catch (PackageRefusedException refusal)
        {
            throw await RefuseAsync(e, stage, fileName, refusal.Message);
        }
    }

    private async Task<CoursePackageReport> InspectOrRefuseAsync(Edit<VendorEngagement> e, DeliverableStage stage, string fileName, Stream zip, CancellationToken ct)
    {
        try
        {
            return CoursePackageInspector.Inspect(zip, store.Limits, ContentStandardRequirement.AcceptedBy(e.Aggregate.Requirements));
        }
        catch (PackageRefusedException refusal)
        {
            throw await RefuseAsync(e, stage, fileName, refusal.Message);
        }
    }

    /// <summary>Audits a refused package (in its own context, so nothing of the upload is saved with it) and gives the message to show.</summary>
    private async Task<DomainException> RefuseAsync(Edit<VendorEngagement> e, DeliverableStage stage, string fileName, string reason)
    {
        logger.LogWarning("Course package refused for engagement {EngagementId} ({Stage}) uploaded by {UserId}: {Reason}", e.Aggregate.Id, stage, e.Actor.UserId, reason);
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        db.AuditEntries.Add(new AuditEntry
        {
            At = e.Now,
            UserId = e.Actor.UserId,
            UserName = e.Actor.DisplayName,
            EntityType = AuditEntityType,
            EntityId = e.Aggregate.Id.ToString(),
            RolloutId = e.Aggregate.RolloutId,
            Action = RefusedAction,
            After = JsonSerializer.Serialize(new Dictionary<string, string> { ["Stage"] = stage.ToString(), ["FileName"] = fileName, ["Reason"] = reason }),
        });
        await db.SaveChangesAsync(CancellationToken.None);
        return new DomainException($"The package was refused: {reason}");
    }

    private static string ShownName(string fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length == 0)
        {
            name = "package.zip";
        }

        return name.Length <= CoursePackageCheck.MaxFileNameLength ? name : name[^CoursePackageCheck.MaxFileNameLength..];
    }
}
