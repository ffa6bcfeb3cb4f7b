using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Tests.Shared;
using ElearningRollout.Web.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElearningRollout.Web.Tests.Hosting;

/// <summary>
/// In Production the Data Protection key ring is encrypted at rest with the configured certificate, a rolled certificate
/// keeps the old one for reading, and without a certificate the app refuses to start unless told to accept it.
/// </summary>
public sealed class KeyRingProtectionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("elr-dp-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task In_Production_the_stored_keys_are_encrypted_with_the_certificate_and_a_rolled_certificate_still_reads_them()
    {
        var (oldPath, oldPassword) = Certificate("old");
        var (newPath, newPassword) = Certificate("new");
        await using var first = Production(new() { ["DataProtection:Certificate:Path"] = oldPath, ["DataProtection:Certificate:Password"] = oldPassword });
        var databasePath = first.DatabasePath;
        var payload = Protector(first).Protect("a secret to keep");
        List<string> stored;
        await using (var db = await first.Services.GetRequiredService<IDbContextFactory<ElearningRolloutDbContext>>().CreateDbContextAsync())
        {
            stored = await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
        }

        Assert.NotEmpty(stored);
        Assert.All(stored, xml =>
        {
            Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });

        await using (var rolledWithoutOld = Production(new() { ["DataProtection:Certificate:Path"] = newPath, ["DataProtection:Certificate:Password"] = newPassword }, databasePath))
        {
            Assert.ThrowsAny<CryptographicException>(() => Protector(rolledWithoutOld).Unprotect(payload));
        }

        await using var rolled = Production(new()
        {
            ["DataProtection:Certificate:Path"] = newPath,
            ["DataProtection:Certificate:Password"] = newPassword,
            ["DataProtection:PreviousCertificates:0:Path"] = oldPath,
            ["DataProtection:PreviousCertificates:0:Password"] = oldPassword,
        }, databasePath);
        Assert.Equal("a secret to keep", Protector(rolled).Unprotect(payload));
    }

    [Fact]
    public async Task After_revoke_keys_nothing_protected_before_can_be_read_and_new_data_still_can()
    {
        var (path, password) = Certificate("current");
        var settings = new Dictionary<string, string?> { ["DataProtection:Certificate:Path"] = path, ["DataProtection:Certificate:Password"] = password };
        await using var first = Production(settings);
        var payload = Protector(first).Protect("a session");

        RevokeKeysCommand.Revoke(first.Services, "test exposure");

        await using var restarted = Production(settings, first.DatabasePath);
        Assert.ThrowsAny<CryptographicException>(() => Protector(restarted).Unprotect(payload));
        Assert.Equal("new", Protector(restarted).Unprotect(Protector(restarted).Protect("new")));
    }

    [Fact]
    public async Task Production_without_a_certificate_refuses_to_start_and_names_the_settings()
    {
        await using var app = Production(new() { ["DataProtection:AllowUnprotectedKeys"] = "false" });

        var failure = Assert.ThrowsAny<Exception>(() => app.Services);

        var message = string.Join(" | ", Chain(failure).Select(e => e.Message));
        Assert.Contains("DataProtection:AllowUnprotectedKeys", message, StringComparison.Ordinal);
        Assert.Contains("DataProtection:Certificate:Path", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_with_unprotected_keys_accepted_starts()
    {
        await using var app = Production(new() { ["DataProtection:AllowUnprotectedKeys"] = "true" });

        Assert.Equal("x", Protector(app).Unprotect(Protector(app).Protect("x")));
    }

    private static IEnumerable<Exception> Chain(Exception? failure)
    {
        for (; failure is not null; failure = failure.InnerException)
        {
            yield return failure;
            if (failure is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                {
                    yield return inner;
                }
            }
        }
    }

    private static ProductAppFactory Production(Dictionary<string, string?> settings, string? databasePath = null)
        => databasePath is null
            ? new ProductAppFactory { EnvironmentName = "Production", Settings = settings }
            : new ProductAppFactory { EnvironmentName = "Production", Settings = settings, DatabasePath = databasePath, KeepDatabase = true };

    private static IDataProtector Protector(ProductAppFactory app)
        => app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("KeyRingProtectionTests");

    /// <summary>A self-signed RSA certificate with its private key, as a password-protected .pfx file.</summary>
    private (string Path, string Password) Certificate(string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=ElearningRollout Data Protection {name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var path = Path.Combine(_folder, name + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return (path, password);
    }
}
