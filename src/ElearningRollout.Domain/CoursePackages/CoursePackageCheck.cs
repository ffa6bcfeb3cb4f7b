using ElearningRollout.Domain.Vendors;

namespace ElearningRollout.Domain.CoursePackages;

/// <summary>
/// One upload of a vendor's course package on a deliverable (alpha, beta or gold) and its pre-flight report. Part of
/// the engagement; the package itself is a file in the package store, named by <see cref="StoredFile"/>.
/// </summary>
public sealed class CoursePackageCheck
{
    public const int MaxFileNameLength = 255;
    public const int MaxStoredFileLength = 200;

    internal CoursePackageCheck(
        DeliverableStage stage, string fileName, string storedFile, long packageBytes, string sha256, CoursePackageReport report,
        string checkedById, DateTimeOffset checkedAt)
    {
        Id = Guid.CreateVersion7();
        Stage = stage;
        FileName = fileName;
        StoredFile = storedFile;
        PackageBytes = packageBytes;
        Sha256 = sha256;
        Report = report;
        CheckedById = checkedById;
        CheckedAt = checkedAt;
    }

    // For EF Core.
    private CoursePackageCheck()
    {
    }

    public Guid Id { get; private set; }

    public DeliverableStage Stage { get; private set; }

    /// <summary>The name the vendor gave the zip, as uploaded (shown, never used as a path).</summary>
    public string FileName { get; private set; } = "";

    /// <summary>Where the package lies in the store, relative to its root; chosen by the application, never from the upload.</summary>
    public string StoredFile { get; private set; } = "";

    public long PackageBytes { get; private set; }

    /// <summary>The zip's SHA-256, hex: which exact file the report is about.</summary>
    public string Sha256 { get; private set; } = "";

    public CoursePackageReport Report { get; private set; } = null!;

    public string CheckedById { get; private set; } = "";

    public DateTimeOffset CheckedAt { get; private set; }
}
