namespace ElearningRollout.Application.CoursePackages;

/// <summary>
/// Where course packages are kept and what an upload may be (settings section <c>Storage</c>, README "Configuration").
/// The limits are what a genuine course needs with room to spare; past them an archive is refused as hostile.
/// </summary>
public sealed class CoursePackageLimits
{
    public const string Section = "Storage";

    /// <summary><c>Storage:Packages</c>: the package store's folder; the host makes a relative path absolute from its content root.</summary>
    public string Packages { get; set; } = "App_Data/packages";

    /// <summary><c>Storage:MaxPackageBytes</c>: the largest zip accepted (1 GB); the upload stops being read past it.</summary>
    public long MaxPackageBytes { get; set; } = 1L << 30;

    /// <summary><c>Storage:MaxExpandedPackageBytes</c>: the most all entries may expand to (4 GB), by the headers and by the bytes actually inflated.</summary>
    public long MaxExpandedPackageBytes { get; set; } = 4L << 30;

    /// <summary><c>Storage:MaxPackageEntries</c>: the most files and folders an archive may hold.</summary>
    public int MaxPackageEntries { get; set; } = 20_000;

    /// <summary><c>Storage:MaxCompressionRatio</c>: how many times its compressed size an entry may expand to (zip bombs go far past it).</summary>
    public int MaxCompressionRatio { get; set; } = 200;
}
