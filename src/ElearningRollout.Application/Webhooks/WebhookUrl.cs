namespace ElearningRollout.Application.Webhooks;

/// <summary>
/// What a webhook URL must be, checked when an administrator saves it and again before every send (the setting may
/// have changed since): absolute, https (http only when <see cref="IntegrationOptions.AllowHttpWebhooks"/>), no
/// user name or password in it (they would be stored and shown in plain text), no fragment.
/// </summary>
public static class WebhookUrl
{
    /// <summary>Null when acceptable, else the message for the person who typed it.</summary>
    public static string? Problem(string? url, bool allowHttp)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Trim().Length > WebhookEndpoint.MaxUrlLength
            || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.HostNameType == UriHostNameType.Unknown || string.IsNullOrEmpty(uri.Host))
        {
            return $"Enter the receiver's full address, e.g. https://hooks.example.com/elearning (up to {WebhookEndpoint.MaxUrlLength} characters).";
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !(allowHttp && uri.Scheme == Uri.UriSchemeHttp))
        {
            return allowHttp ? "Use an https:// or http:// address." : "Use an https:// address: events name people and rollouts.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "Leave the user name and password out of the address; the receiver checks the signature instead.";
        }

        if (!string.IsNullOrEmpty(uri.Fragment))
        {
            return "Leave the #fragment out of the address: it is never sent to the receiver.";
        }

        return null;
    }

    /// <summary>
    /// What is shown of a URL that is a credential: scheme, host (and a port that is not the scheme's own) and the first
    /// segment of the path, never the rest of the path or the query, where a Teams Workflows URL keeps its <c>sig=</c>.
    /// </summary>
    public static string Masked(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            return "…";
        }

        var start = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var port = uri.IsDefaultPort ? "" : $":{uri.Port}";
        return $"{uri.Scheme}://{uri.IdnHost}{port}/{(start is null ? "" : start + "/")}…";
    }
}
