using ElearningRollout.Domain.Vendors;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Vendors;

/// <summary>Changes to the vendor registry: contacts by Training or IT, the security record by IT only.</summary>
public sealed class VendorCommands(EditPipeline edits) : IUseCases
{
    private static readonly EditAccess<Edit<Vendor>> KeepingContacts = new(e => VendorAccess.EnsureCanRegister(e.Actor));

    private static readonly EditAccess<Edit<Vendor>> KeepingSecurity = new(e => VendorAccess.EnsureCanEditSecurity(e.Actor));

    /// <summary>Returns the new vendor's id.</summary>
    public Task<Guid> RegisterAsync(VendorDraft draft, CancellationToken cancellationToken = default)
        => edits.ActAsync(new EditAccess<EditContext>(e => VendorAccess.EnsureCanRegister(e.Actor)), async (e, ct) =>
        {
            await e.EnsureValidAsync(draft, ct);
            var vendor = new Vendor(draft.Name, draft.ContactName, draft.ContactEmail, draft.ContactPhone, e.Actor.UserId, e.Now);
            e.Db.Vendors.Add(vendor);
            return vendor.Id;
        }, cancellationToken);

    public Task DescribeAsync(Guid vendorId, VendorDraft draft, Guid expectedVersion, CancellationToken cancellationToken = default)
        => edits.ChangeAsync(Vendor(vendorId), expectedVersion, KeepingContacts, async (e, ct) =>
        {
            await e.EnsureValidAsync(draft, ct);
            e.Aggregate.Describe(draft.Name, draft.ContactName, draft.ContactEmail, draft.ContactPhone);
        }, cancellationToken);

    public Task RecordSecurityProfileAsync(Guid vendorId, VendorSecurityDraft draft, Guid expectedVersion, CancellationToken cancellationToken = default)
        => edits.ChangeAsync(Vendor(vendorId), expectedVersion, KeepingSecurity, async (e, ct) =>
        {
            await e.EnsureValidAsync(draft, ct);
            e.Aggregate.RecordSecurityProfile(draft.Questionnaire, draft.QuestionnaireStatus, draft.QuestionnaireDate, draft.DpaSigned, draft.DataResidency);
        }, cancellationToken);

    /// <summary>Adds the certification, or renews it when the vendor already holds that kind.</summary>
    public Task RecordCertificationAsync(Guid vendorId, CertificationKind kind, DateOnly expiresOn, Guid expectedVersion, CancellationToken cancellationToken = default)
        => edits.ChangeAsync(Vendor(vendorId), expectedVersion, KeepingSecurity, e => e.Aggregate.RecordCertification(kind, expiresOn), cancellationToken);

    /// <summary>The form's way in: validated beside its fields, then recorded as above.</summary>
    public Task RecordCertificationAsync(Guid vendorId, CertificationDraft draft, Guid expectedVersion, CancellationToken cancellationToken = default)
        => edits.ChangeAsync(Vendor(vendorId), expectedVersion, KeepingSecurity, async (e, ct) =>
        {
            await e.EnsureValidAsync(draft, ct);
            e.Aggregate.RecordCertification(draft.Kind!.Value, draft.ExpiresOn!.Value);
        }, cancellationToken);

    public Task RemoveCertificationAsync(Guid vendorId, CertificationKind kind, Guid expectedVersion, CancellationToken cancellationToken = default)
        => edits.ChangeAsync(Vendor(vendorId), expectedVersion, KeepingSecurity, e => e.Aggregate.RemoveCertification(kind), cancellationToken);

    private static EditTarget<Vendor> Vendor(Guid vendorId) => new(
        "vendor",
        async (db, ct) => await db.Vendors.SingleOrDefaultAsync(v => v.Id == vendorId, ct) ?? throw new NotFoundException("That vendor no longer exists."));
}

/// <summary>Two records of one company would split its certifications and engagements: a vendor's name is not taken.</summary>
public sealed class VendorDraftServerRules : ServerRules<VendorDraft>
{
    public VendorDraftServerRules()
        => RuleFor(d => d.Name).CustomAsync(async (name, context, ct) =>
        {
            var edit = Edit(context);
            Guid? self = edit is Edit<Vendor> change ? change.Aggregate.Id : null;
            var existing = await UniqueName.TakenAsync(edit.Db.Vendors.Where(v => v.Id != self), v => v.Name, name, ct);
            if (existing is not null)
            {
                context.AddFailure(nameof(VendorDraft.Name), $"{existing} is already in the registry.");
            }
        });
}
