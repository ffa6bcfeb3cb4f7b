namespace ElearningRollout.Application.Notifications;

/// <summary>SMTP settings (section "Email"). E-mail is off while <see cref="Host"/> is empty, which is the default.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>
    /// TLS required (implicit TLS on port 465, STARTTLS otherwise); a relay that does not offer it gets no credentials
    /// and no mail. Set false only for a local test server.
    /// </summary>
    public bool UseTls { get; set; } = true;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "elearning-rollout@localhost";

    /// <summary>The app's public address, for links in e-mails, e.g. https://rollouts.example.com.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5080";

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}
