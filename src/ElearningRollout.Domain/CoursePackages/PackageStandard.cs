namespace ElearningRollout.Domain.CoursePackages;

/// <summary>The packaging standards an LMS imports, told apart by the package's manifest (docs/domain.md, "Course package pre-flight").</summary>
public enum PackageStandard
{
    /// <summary>imsmanifest.xml with schemaversion 1.2.</summary>
    Scorm12,

    /// <summary>imsmanifest.xml with schemaversion "CAM 1.3".</summary>
    Scorm2004SecondEdition,

    /// <summary>imsmanifest.xml with schemaversion "2004 3rd Edition".</summary>
    Scorm2004ThirdEdition,

    /// <summary>imsmanifest.xml with schemaversion "2004 4th Edition".</summary>
    Scorm2004FourthEdition,

    /// <summary>cmi5.xml (the xAPI profile for LMS-launched courses).</summary>
    Cmi5,

    /// <summary>tincan.xml (xAPI with a learning record store).</summary>
    Xapi,
}

public static class PackageStandardNames
{
    public static string DisplayName(this PackageStandard standard) => standard switch
    {
        PackageStandard.Scorm12 => "SCORM 1.2",
        PackageStandard.Scorm2004SecondEdition => "SCORM 2004 2nd edition",
        PackageStandard.Scorm2004ThirdEdition => "SCORM 2004 3rd edition",
        PackageStandard.Scorm2004FourthEdition => "SCORM 2004 4th edition",
        PackageStandard.Cmi5 => "cmi5",
        PackageStandard.Xapi => "xAPI (tincan.xml)",
        _ => standard.ToString(),
    };
}
