using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Vendors;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Vendors;

/// <summary>Changes to the vendor registry: contacts by Training or IT, the security record by IT only.</summary>
public sealed class VendorCommands(
    IDbContextFactory<ElearningRolloutDbContext> dbFactory,
    ICurrentActor currentActor,
    TimeProvider clock,
    VendorDraftValidator validator,
    VendorSecurityDraftValidator securityValidator,
    CertificationDraftValidator certificationValidator,
    RefusalAudit refusals)
{
    /// <summary>Returns the new vendor's id.</summary>
    public async Task<Guid> RegisterAsync(VendorDraft draft, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        await refusals.EnsureAsync(actor, () => VendorAccess.EnsureCanRegister(actor), cancellationToken);
        await validator.EnsureValidAsync(draft, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditActor = AuditActor.Of(actor);
        await EnsureNameFreeAsync(db, draft.Name, null, cancellationToken);
        var vendor = new Vendor(draft.Name, draft.ContactName, draft.ContactEmail, draft.ContactPhone, actor.UserId, clock.GetUtcNow());
        db.Vendors.Add(vendor);
        await db.SaveChangesAsync(cancellationToken);
        return vendor.Id;
    }

    public Task DescribeAsync(Guid vendorId, VendorDraft draft, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ChangeAsync(vendorId, expectedVersion, VendorAccess.EnsureCanRegister, async (db, vendor, ct) =>
        {
            await validator.EnsureValidAsync(draft, ct);
            await EnsureNameFreeAsync(db, draft.Name, vendorId, ct);
            vendor.Describe(draft.Name, draft.ContactName, draft.ContactEmail, draft.ContactPhone);
        }, cancellationToken);

    public Task RecordSecurityProfileAsync(Guid vendorId, VendorSecurityDraft draft, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ChangeAsync(vendorId, expectedVersion, VendorAccess.EnsureCanEditSecurity, async (_, vendor, ct) =>
        {
            await securityValidator.EnsureValidAsync(draft, ct);
            vendor.RecordSecurityProfile(draft.Questionnaire, draft.QuestionnaireStatus, draft.QuestionnaireDate, draft.DpaSigned, draft.DataResidency);
        }, cancellationToken);

    /// <summary>Adds the certification, or renews it when the vendor already holds that kind.</summary>
    public Task RecordCertificationAsync(Guid vendorId, CertificationKind kind, DateOnly expiresOn, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ChangeAsync(vendorId, expectedVersion, VendorAccess.EnsureCanEditSecurity, (_, vendor, _) =>
        {
            vendor.RecordCertification(kind, expiresOn);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>The form's way in: validated beside its fields, then recorded as above.</summary>
    public async Task RecordCertificationAsync(Guid vendorId, CertificationDraft draft, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        await certificationValidator.EnsureValidAsync(draft, cancellationToken);
        await RecordCertificationAsync(vendorId, draft.Kind!.Value, draft.ExpiresOn!.Value, expectedVersion, cancellationToken);
    }

    public Task RemoveCertificationAsync(Guid vendorId, CertificationKind kind, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ChangeAsync(vendorId, expectedVersion, VendorAccess.EnsureCanEditSecurity, (_, vendor, _) =>
        {
            vendor.RemoveCertification(kind);
            return Task.CompletedTask;
        }, cancellationToken);

    private async Task ChangeAsync(
        Guid vendorId,
        Guid expectedVersion,
        Action<Actor> authorize,
        Func<ElearningRolloutDbContext, Vendor, CancellationToken, Task> change,
        CancellationToken cancellationToken)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        await refusals.EnsureAsync(actor, () => authorize(actor), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditActor = AuditActor.Of(actor);
        var vendor = await db.Vendors.SingleOrDefaultAsync(v => v.Id == vendorId, cancellationToken)
            ?? throw new NotFoundException("That vendor no longer exists.");
        var guard = ConcurrencyGuard.ForEntity("vendor", vendor.Id);
        await guard.EnsureVersionAsync(db, vendor, vendor.Version, expectedVersion, cancellationToken);
        await change(db, vendor, cancellationToken);
        await guard.SaveAsync(db, cancellationToken);
    }

    // Two records of one company would split its certifications and engagements.
    private static async Task EnsureNameFreeAsync(ElearningRolloutDbContext db, string name, Guid? self, CancellationToken cancellationToken)
    {
        var trimmed = name.Trim();
        var wanted = trimmed.ToLower();
        // SQLite's lower() folds ASCII only, so compare the exact name too (a non-ASCII name would otherwise be registered twice).
        var existing = await db.Vendors.Where(v => (v.Name == trimmed || v.Name.ToLower() == wanted) && v.Id != self).Select(v => v.Name).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]>
            {
                [nameof(VendorDraft.Name)] = [$"{existing} is already in the registry."],
            });
        }
    }
}
