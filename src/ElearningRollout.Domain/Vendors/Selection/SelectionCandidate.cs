namespace ElearningRollout.Domain.Vendors.Selection;

/// <summary>A vendor from the registry that competes in a selection.</summary>
public sealed class SelectionCandidate
{
    internal SelectionCandidate(Guid vendorId, DateTimeOffset addedAt)
    {
        Id = Guid.CreateVersion7();
        VendorId = vendorId;
        AddedAt = addedAt;
    }

    // For EF Core.
    private SelectionCandidate()
    {
    }

    public Guid Id { get; private set; }

    public Guid VendorId { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }
}
