namespace ElearningRollout.Application.Webhooks;

/// <summary>The event types an endpoint can subscribe to, as they appear in the payload's <c>type</c>.</summary>
public static class WebhookEvents
{
    public const string RolloutCreated = "rollout.created";
    public const string RolloutStatusChanged = "rollout.status_changed";
    public const string GateSubmitted = "gate.submitted";
    public const string GateDecided = "gate.decided";
    public const string GateOverdue = "gate.overdue";
    public const string SignOffGiven = "signoff.given";
    public const string AgreementSigned = "agreement.signed";
    public const string CertificationExpiring = "certification.expiring";

    public static readonly IReadOnlyList<string> All =
    [
        RolloutCreated, RolloutStatusChanged, GateSubmitted, GateDecided, GateOverdue, SignOffGiven, AgreementSigned, CertificationExpiring,
    ];

    public static string Describe(string type) => type switch
    {
        RolloutCreated => "A rollout was created",
        RolloutStatusChanged => "A rollout's status changed",
        GateSubmitted => "A gate was submitted for review",
        GateDecided => "A gate was decided (approved, approved with conditions, rejected or waived)",
        GateOverdue => "A gate in review went past its due date",
        SignOffGiven => "The go-live sign-off was given",
        AgreementSigned => "A cost-sharing agreement was signed by both sides",
        CertificationExpiring => "A vendor certification expires soon (Integrations:CertificationExpiringDays, 30 days by default)",
        _ => type,
    };
}
