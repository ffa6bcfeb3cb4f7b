using System.Security.Cryptography;
using ElearningRollout.Application.Common;
using ElearningRollout.Domain.Common;
using Microsoft.Extensions.Options;

namespace ElearningRollout.Application.CoursePackages;

/// <summary>
/// The package store: a folder (<c>Storage:Packages</c>), never the database. An upload is streamed in chunks to a
/// temporary file inside the store's <c>.incoming</c> folder (never held in memory whole, never past
/// <c>Storage:MaxPackageBytes</c>), checked there, then moved to <c>{engagement}/{new id}.zip</c>, or deleted. Every
/// path is made by the application; nothing of the upload's name or content becomes a path.
/// </summary>
public sealed class CoursePackageStore(IOptions<CoursePackageLimits> options) : IFeatureService
{
    private const string IncomingFolder = ".incoming";

    public CoursePackageLimits Limits => options.Value;

    public string Root => Path.GetFullPath(options.Value.Packages);

    /// <summary>Streams <paramref name="content"/> to a temporary file in the store; refused past the size limit, and then nothing is left.</summary>
    public async Task<IncomingPackage> ReceiveAsync(Stream content, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Root, IncomingFolder)).FullName;
        var path = Path.Combine(folder, $"{Guid.NewGuid():N}.upload");
        var incoming = new IncomingPackage(path);
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                long total = 0;
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    total += read;
                    if (total > Limits.MaxPackageBytes)
                    {
                        throw new PackageRefusedException(TooLarge(Limits.MaxPackageBytes));
                    }

                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                incoming.Received(total, Convert.ToHexStringLower(sha.GetHashAndReset()));
            }

            return incoming;
        }
        catch
        {
            incoming.Dispose();
            throw;
        }
    }

    /// <summary>The refusal of a package past <c>Storage:MaxPackageBytes</c>, whether announced or found while reading.</summary>
    public static string TooLarge(long maxPackageBytes) => $"The package is larger than {CoursePackageInspector.Size(maxPackageBytes)}, the most accepted.";

    /// <summary>Moves a checked package to its place; returns its path relative to the store's root.</summary>
    public string Place(IncomingPackage incoming, Guid engagementId)
    {
        var name = $"{Guid.CreateVersion7():N}.zip";
        var relative = $"{engagementId:N}/{name}";
        var target = Path.Combine(Root, engagementId.ToString("N"), name);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(incoming.Path, target);
        return relative;
    }

    /// <summary>
    /// Deletes the uploads left in the <c>.incoming</c> folder by a process that stopped mid-upload (a crash, a kill, a
    /// power cut: the upload's own clean-up never ran) and last written before <paramref name="lastWrittenBefore"/>.
    /// An upload in progress writes its file with every chunk, so a cut-off in the past spares it. Returns how many went.
    /// </summary>
    public int RemoveAbandonedUploads(DateTimeOffset lastWrittenBefore)
    {
        var folder = Path.Combine(Root, IncomingFolder);
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var removed = 0;
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.TopDirectoryOnly))
        {
            if (file.LastWriteTimeUtc < lastWrittenBefore.UtcDateTime)
            {
                try
                {
                    file.Delete();
                    removed++;
                }
                catch (IOException)
                {
                    // Still open (Windows) or gone meanwhile: the next pass looks again.
                }
                catch (UnauthorizedAccessException)
                {
                    // Not ours to delete; the next pass looks again and the operator sees it in the folder.
                }
            }
        }

        return removed;
    }

    /// <summary>Removes a placed package whose report could not be saved, so no file is left without its record.</summary>
    public void Remove(string relative)
    {
        var path = Path.GetFullPath(Path.Combine(Root, relative));
        if (!path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new DomainException("That is not a package in the store.");
        }

        File.Delete(path);
    }
}

/// <summary>An upload on its way into the store: a temporary file, deleted on dispose unless it was placed.</summary>
public sealed class IncomingPackage(string path) : IDisposable
{
    public string Path { get; } = path;

    public long Length { get; private set; }

    public string Sha256 { get; private set; } = "";

    internal void Received(long length, string sha256)
    {
        Length = length;
        Sha256 = sha256;
    }

    public FileStream OpenRead() => new(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920);

    public void Dispose()
    {
        // After Place the file is gone from here; otherwise the refused or abandoned upload goes.
        File.Delete(Path);
    }
}
