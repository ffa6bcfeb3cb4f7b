namespace ElearningRollout.Web.Components.Account;

/// <summary>
/// Which return addresses the account pages may send a browser to: paths of this app only. Anything else
/// (<c>//host</c>, <c>/\host</c>, <c>http://host</c>, <c>javascript:</c>) is not an error, it just goes home.
/// </summary>
public static class LocalUrl
{
    /// <summary>A path of this app: "/x" (not "//x" or "/\x"), or relative "x/y" without a scheme; no backslashes or control characters.</summary>
    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Any(c => c == '\\' || char.IsControl(c)))
        {
            return false;
        }

        if (url[0] == '/')
        {
            return url.Length == 1 || url[1] != '/';
        }

        // Relative ("Account/Lockout"): no scheme before the path, i.e. no ':' before the first '/', '?' or '#'.
        var end = url.IndexOfAny(['/', '?', '#']);
        return !(end < 0 ? url : url[..end]).Contains(':', StringComparison.Ordinal);
    }

    /// <summary>The local path to go to: the url when local, the same-origin absolute url made relative, otherwise home.</summary>
    public static string OrHome(string? url, string? baseUri = null)
    {
        if (IsLocal(url))
        {
            return url!;
        }

        if (baseUri is not null && url is not null && !url.Any(c => c == '\\' || char.IsControl(c))
            && Uri.TryCreate(url, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps)
            && absolute.AbsoluteUri.StartsWith(baseUri, StringComparison.OrdinalIgnoreCase))
        {
            return "/" + absolute.AbsoluteUri[baseUri.Length..];
        }

        return "/";
    }
}
