using ElearningRollout.Application.Identity;

namespace ElearningRollout.Web.Api;

/// <summary>The bearer token of a request's Authorization header (RFC 6750 §2.1), as the SCIM and REST API schemes read it.</summary>
internal static class BearerHeader
{
    public enum Outcome
    {
        /// <summary>No bearer token at all: the scheme has nothing to say (anonymous, or another scheme's request).</summary>
        None,

        /// <summary>Empty, or longer than any secret the product issues: refused without hashing megabytes.</summary>
        Malformed,
        Present,
    }

    public static Outcome Read(HttpRequest request, out string secret)
    {
        secret = "";
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Outcome.None;
        }

        secret = header["Bearer ".Length..].Trim();
        return secret.Length is 0 or > BearerSecret.MaxLength ? Outcome.Malformed : Outcome.Present;
    }
}
