using ElearningRollout.Domain.Common;

namespace ElearningRollout.Domain.Vendors;

/// <summary>
/// A company that builds courses, hosts the platform or supports it. Its own aggregate, shared by every rollout that
/// engages it: Training keeps the name and contact, IT keeps the security record (certifications, questionnaire, DPA,
/// data residency), and an expired or expiring certification shows wherever the vendor is engaged.
/// </summary>
[AddedPartsMoveVersion("A certification is added on its own (IT records it); it changes the vendor's security record, so an edit made against the older version must conflict.")]
public sealed class Vendor : IAggregateRoot
{
    public const int MaxNameLength = 200;
    public const int MaxContactLength = 200;
    public const int MaxResidencyLength = 200;

    private readonly List<VendorCertification> _certifications = [];

    public Vendor(string name, string? contactName, string? contactEmail, string? contactPhone, string registeredById, DateTimeOffset registeredAt)
    {
        Id = Guid.CreateVersion7();
        RegisteredById = Require.UserId(registeredById, "The person registering the vendor");
        RegisteredAt = registeredAt;
        Version = Guid.NewGuid();
        Describe(name, contactName, contactEmail, contactPhone);
    }

    // For EF Core.
    private Vendor()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string? ContactName { get; private set; }

    public string? ContactEmail { get; private set; }

    public string? ContactPhone { get; private set; }

    public QuestionnaireKind? Questionnaire { get; private set; }

    public QuestionnaireStatus QuestionnaireStatus { get; private set; }

    /// <summary>When the questionnaire reached its current status.</summary>
    public DateOnly? QuestionnaireDate { get; private set; }

    public bool DpaSigned { get; private set; }

    /// <summary>The country or region where the vendor stores our data.</summary>
    public string? DataResidency { get; private set; }

    public string RegisteredById { get; private set; } = "";

    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>Optimistic concurrency token; the audit interceptor moves it on every save.</summary>
    public Guid Version { get; private set; }

    public IReadOnlyList<VendorCertification> Certifications => _certifications;

    public void Touch() => Version = Guid.NewGuid();

    public void Describe(string name, string? contactName, string? contactEmail, string? contactPhone)
    {
        Name = Require.Text(name, "The vendor's name", MaxNameLength);
        ContactName = Require.OptionalText(contactName, "The contact's name", MaxContactLength);
        ContactEmail = Require.OptionalText(contactEmail, "The contact's e-mail", MaxContactLength);
        ContactPhone = Require.OptionalText(contactPhone, "The contact's phone", MaxContactLength);
    }

    /// <summary>A questionnaire status other than "not sent" needs to say which questionnaire and when.</summary>
    public void RecordSecurityProfile(QuestionnaireKind? questionnaire, QuestionnaireStatus status, DateOnly? statusDate, bool dpaSigned, string? dataResidency)
    {
        if (status != QuestionnaireStatus.NotSent && (questionnaire is null || statusDate is null))
        {
            throw new DomainException("Say which security questionnaire it is and on what date it reached this status.");
        }

        Questionnaire = questionnaire;
        QuestionnaireStatus = status;
        QuestionnaireDate = status == QuestionnaireStatus.NotSent ? null : statusDate;
        DpaSigned = dpaSigned;
        DataResidency = Require.OptionalText(dataResidency, "The data residency", MaxResidencyLength);
    }

    /// <summary>One of each kind: recording a kind again renews it.</summary>
    public void RecordCertification(CertificationKind kind, DateOnly expiresOn)
    {
        if (_certifications.SingleOrDefault(c => c.Kind == kind) is { } held)
        {
            held.Renew(expiresOn);
            return;
        }

        _certifications.Add(new VendorCertification(kind, expiresOn));
    }

    public void RemoveCertification(CertificationKind kind)
    {
        var held = _certifications.SingleOrDefault(c => c.Kind == kind)
            ?? throw new DomainException($"{Name} holds no {kind.DisplayName()} certification.");
        _certifications.Remove(held);
    }

    /// <summary>The certifications that need attention on <paramref name="today"/> (expired, or expiring within 60 days).</summary>
    public IReadOnlyList<VendorCertification> CertificationsNeedingAttention(DateOnly today) =>
        _certifications.Where(c => c.StandingOn(today) != CertificationStanding.Current).OrderBy(c => c.ExpiresOn).ToList();
}
