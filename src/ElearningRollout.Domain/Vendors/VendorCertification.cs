namespace ElearningRollout.Domain.Vendors;

/// <summary>A certification a vendor holds, with the date it lapses.</summary>
public sealed class VendorCertification
{
    /// <summary>Issue "Vendors": a certification expiring within this many days is flagged, so IT asks for the renewal in time.</summary>
    public const int WarningDays = 60;

    internal VendorCertification(CertificationKind kind, DateOnly expiresOn)
    {
        Id = Guid.CreateVersion7();
        Kind = kind;
        ExpiresOn = expiresOn;
    }

    // For EF Core.
    private VendorCertification()
    {
    }

    public Guid Id { get; private set; }

    public CertificationKind Kind { get; private set; }

    public DateOnly ExpiresOn { get; private set; }

    public CertificationStanding StandingOn(DateOnly today) =>
        ExpiresOn < today ? CertificationStanding.Expired
        : ExpiresOn <= today.AddDays(WarningDays) ? CertificationStanding.ExpiringSoon
        : CertificationStanding.Current;

    internal void Renew(DateOnly expiresOn) => ExpiresOn = expiresOn;
}
