using System.Security.Cryptography.X509Certificates;
using ElearningRollout.Application.Persistence;
using Microsoft.AspNetCore.DataProtection;

namespace ElearningRollout.Web.Hosting;

/// <summary>
/// Data Protection keys (cookies, antiforgery, authenticator secrets) live in the database so that restarts and
/// several instances share them. Outside Development they are encrypted at rest with a certificate from configuration;
/// without one the app refuses to start unless the operator says it accepts unprotected keys. See docs/operations.md.
/// </summary>
public static class KeyRingProtection
{
    public const string CertificatePath = "DataProtection:Certificate:Path";
    public const string CertificatePassword = "DataProtection:Certificate:Password";
    public const string CertificateThumbprint = "DataProtection:Certificate:Thumbprint";
    public const string PreviousCertificates = "DataProtection:PreviousCertificates";
    public const string AllowUnprotectedKeys = "DataProtection:AllowUnprotectedKeys";

    public static IDataProtectionBuilder AddProductDataProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var builder = services.AddDataProtection()
            .SetApplicationName("ElearningRollout")
            .PersistKeysToDbContext<ElearningRolloutDbContext>();

        var current = Load(configuration.GetSection("DataProtection:Certificate"), "DataProtection:Certificate");
        // Certificates rolled out of use: no new key is encrypted with them, but keys they encrypted stay readable.
        var previous = configuration.GetSection(PreviousCertificates).GetChildren()
            .Select(section => Load(section, section.Path))
            .OfType<X509Certificate2>()
            .ToArray();

        if (current is not null)
        {
            builder.ProtectKeysWithCertificate(current);
        }
        else if (!environment.IsDevelopment() && !configuration.GetValue<bool>(AllowUnprotectedKeys))
        {
            throw new InvalidOperationException(
                "The Data Protection key ring (sign-in cookies, antiforgery, authenticator secrets) would be stored unencrypted in the database. "
                + $"Set {CertificatePath} (a .pfx with its private key) and {CertificatePassword}, or {CertificateThumbprint} "
                + "(a certificate with its private key in the CurrentUser or LocalMachine \"My\" store); "
                + $"or set {AllowUnprotectedKeys}=true to accept unprotected keys. See docs/operations.md.");
        }

        if (previous.Length > 0 || current is not null)
        {
            builder.UnprotectKeysWithAnyCertificate([.. current is null ? Array.Empty<X509Certificate2>() : [current], .. previous]);
        }

        return builder;
    }

    /// <summary>A certificate from a section with Path (+ Password) or Thumbprint; null when neither is set.</summary>
    private static X509Certificate2? Load(IConfigurationSection section, string name)
    {
        var path = section["Path"];
        var thumbprint = section["Thumbprint"];
        X509Certificate2 certificate;
        if (!string.IsNullOrWhiteSpace(path))
        {
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"{name}:Path '{path}' does not exist.");
            }

            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, section["Password"]);
        }
        else if (!string.IsNullOrWhiteSpace(thumbprint))
        {
            certificate = FromStore(thumbprint.Replace(" ", "", StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"{name}:Thumbprint '{thumbprint}' is in neither the CurrentUser nor the LocalMachine \"My\" store.");
        }
        else
        {
            return null;
        }

        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"The certificate of {name} has no private key; Data Protection needs it to read the key ring.");
    }

    private static X509Certificate2? FromStore(string thumbprint)
    {
        foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
        {
            using var store = new X509Store(StoreName.My, location);
            try
            {
                store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                continue; // no such store on this machine
            }

            var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false);
            if (found.Count > 0)
            {
                return found[0];
            }
        }

        return null;
    }
}
