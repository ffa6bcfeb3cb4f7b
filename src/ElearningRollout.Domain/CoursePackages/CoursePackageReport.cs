namespace ElearningRollout.Domain.CoursePackages;

/// <summary>What a pre-flight check looks at; each finding names one.</summary>
public enum PackageCheck
{
    Manifest,
    Standard,
    Resources,
    LaunchFile,
    Identifiers,
    LocalPaths,
    ExternalHosts,
    Sizes,
    MobileViewport,
    Compression,
}

/// <summary>Error: the LMS or IT will refuse it, fix before release. Warning: look at it. Information: for the record.</summary>
public enum FindingSeverity
{
    Information,
    Warning,
    Error,
}

/// <summary>One thing the pre-flight check found, written for the training owner to forward to the vendor.</summary>
public sealed record PackageFinding(PackageCheck Check, FindingSeverity Severity, string Message);

/// <summary>A host the package's HTML, CSS or JavaScript would contact, for IT's allow-list; plain http is flagged.</summary>
/// <param name="FoundIn">The first file it was found in.</param>
public sealed record PackageHost(string Host, bool PlainHttp, string FoundIn);

/// <summary>
/// The pre-flight report of one course package: the standard its manifest declares, what was found, the hosts for
/// IT's allow-list and the sizes. An archive refused as hostile gets no report (nothing of it is kept).
/// </summary>
public sealed record CoursePackageReport(
    PackageStandard? Standard,
    string? ManifestFile,
    string? LaunchFile,
    int FileCount,
    long TotalBytes,
    string? LargestFile,
    long LargestFileBytes,
    IReadOnlyList<string> CompressionMethods,
    IReadOnlyList<PackageFinding> Findings,
    IReadOnlyList<PackageHost> Hosts)
{
    public int Errors => Findings.Count(f => f.Severity == FindingSeverity.Error);

    public int Warnings => Findings.Count(f => f.Severity == FindingSeverity.Warning);

    /// <summary>No errors: the package may go to the LMS's test instance.</summary>
    public bool Passed => Errors == 0;
}
