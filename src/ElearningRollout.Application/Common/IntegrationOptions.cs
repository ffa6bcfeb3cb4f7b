namespace ElearningRollout.Application.Common;

/// <summary>Settings of the outbound integrations (section "Integrations"): webhooks, Teams cards and calendar feeds.</summary>
public sealed class IntegrationOptions
{
    public const string Section = "Integrations";

    /// <summary>
    /// The app's public address (e.g. https://rollouts.example.com): links in webhook events, Teams cards and calendar
    /// events point here, since a background sender has no request to take the address from.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>
    /// Accept http:// webhook URLs. Off by default outside Development (the host turns it on there): an event names
    /// people and rollouts, and a secret-signed body over plain http can still be read by anyone on the path.
    /// </summary>
    public bool AllowHttpWebhooks { get; set; }

    /// <summary>
    /// Let webhooks go to loopback and private networks (RFC 1918, unique-local IPv6, carrier-grade NAT): a receiver on
    /// the same machine (the tests' local receivers) or an internal system. Off by default: an administrator's URL must
    /// not reach the product's own network (see <see cref="Webhooks.WebhookAddressGuard"/>). Link-local addresses (cloud
    /// metadata) stay refused. Outside Development the app refuses to start with it on unless
    /// <see cref="AllowUnsafeConfiguration"/> accepts it.
    /// </summary>
    public bool AllowPrivateWebhookAddresses { get; set; }

    /// <summary>Accepts <see cref="AllowPrivateWebhookAddresses"/> outside Development.</summary>
    public bool AllowUnsafeConfiguration { get; set; }

    /// <summary>How long one delivery may take (connect, send, first bytes of the answer) before it counts as failed.</summary>
    public int WebhookTimeoutSeconds { get; set; } = 10;

    /// <summary>The wait after the first failed attempt; each further failure doubles it, up to <see cref="WebhookMaxRetryDelayMinutes"/>.</summary>
    public int WebhookFirstRetrySeconds { get; set; } = 30;

    public int WebhookMaxRetryDelayMinutes { get; set; } = 240;

    /// <summary>A message is retried for this long after it was written (or sent again); then it is given up and its endpoint disabled.</summary>
    public int WebhookRetryHours { get; set; } = 24;

    /// <summary>How often the background sender looks for due messages.</summary>
    public int WebhookSendSeconds { get; set; } = 10;

    /// <summary>
    /// How long an instance's claim on a message lasts. Longer than a delivery can take, so two instances never send
    /// the same message at once; a crashed instance's claims lapse after it and another instance takes them over.
    /// </summary>
    public int WebhookClaimSeconds { get; set; } = 120;

    internal TimeSpan Timeout => TimeSpan.FromSeconds(Math.Clamp(WebhookTimeoutSeconds, 1, 60));

    internal TimeSpan ClaimLease => TimeSpan.FromSeconds(Math.Max(WebhookClaimSeconds, WebhookTimeoutSeconds * 2 + 10));

    /// <summary>
    /// How many days before a vendor certification lapses its expiry is announced (comma-separated, e.g. "30" or
    /// "60,30,7"): once per certification, expiry date and threshold, to the IT leads (notification and e-mail) and as
    /// the <c>certification.expiring</c> webhook event. Entries that are not whole numbers from 1 to 366 are ignored.
    /// </summary>
    public string CertificationExpiringDays { get; set; } = "30";

    /// <summary>The thresholds of <see cref="CertificationExpiringDays"/>, tightest first.</summary>
    public IReadOnlyList<int> CertificationThresholds => CertificationExpiringDays
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(part => int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days) ? days : 0)
        .Where(days => days is >= 1 and <= 366)
        .Distinct()
        .Order()
        .ToList();

    /// <summary>An absolute link for a path inside the app (<c>/gates/…</c>).</summary>
    public string LinkTo(string path) => PublicBaseUrl.TrimEnd('/') + path;
}
