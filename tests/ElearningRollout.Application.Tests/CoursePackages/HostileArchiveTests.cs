using ElearningRollout.Application.CoursePackages;
using ElearningRollout.Domain.CoursePackages;
using ElearningRollout.Tests.Shared.CoursePackages;

namespace ElearningRollout.Application.Tests.CoursePackages;

/// <summary>Hostile archives are refused by the checker with a message saying why (uploads of them: CoursePackageUploadTests).</summary>
public sealed class HostileArchiveTests
{
    private static readonly IReadOnlySet<PackageStandard> Any = new HashSet<PackageStandard>(Enum.GetValues<PackageStandard>());

    private static string Refusal(byte[] zip, CoursePackageLimits? limits = null)
    {
        using var stream = new MemoryStream(zip);
        return Assert.Throws<PackageRefusedException>(() => CoursePackageInspector.Inspect(stream, limits ?? new CoursePackageLimits(), Any)).Message;
    }

    [Theory]
    [InlineData("../../x")]
    [InlineData("course/../../x")]
    [InlineData("..\\..\\x")]
    public void An_entry_climbing_out_with_dot_dot_is_refused(string name) =>
        Assert.Contains("climbs out of the package with \"..\"", Refusal(CoursePackageBuilder.Hostile.WithEntryNamed(name)));

    [Theory]
    [InlineData("/etc/cron.d/x")]
    [InlineData("C:/Windows/x.dll")]
    [InlineData("\\\\server\\share\\x")]
    public void An_entry_with_an_absolute_path_is_refused(string name) =>
        Assert.Contains("is an absolute path", Refusal(CoursePackageBuilder.Hostile.WithEntryNamed(name)));

    [Fact]
    public void An_entry_that_is_a_link_is_refused() =>
        Assert.Equal("The archive's entry \"assets/passwd\" is a link; archives with links are refused.", Refusal(CoursePackageBuilder.Hostile.WithLink()));

    [Fact]
    public void A_zip_bomb_past_the_expanded_limit_is_refused_by_its_central_directory()
    {
        // 24 MB of zeros compress to a few KB; with a 16 MB limit the directory's sizes refuse it before anything is inflated.
        var message = Refusal(CoursePackageBuilder.Hostile.Bomb(24L << 20), new CoursePackageLimits { MaxExpandedPackageBytes = 16L << 20 });

        Assert.Equal("The archive would expand to more than 16 MB, the most accepted (a zip bomb, or far larger than a course).", message);
    }

    [Fact]
    public void An_entry_expanding_past_the_compression_ratio_is_refused()
    {
        var message = Refusal(CoursePackageBuilder.Hostile.Bomb(24L << 20));

        Assert.StartsWith("The archive's entry \"media/video.mp4\" expands ", message);
        Assert.EndsWith("times its compressed size; at most 200 times is accepted (a zip bomb).", message);
    }

    [Fact]
    public void A_zip_bomb_whose_headers_lie_is_refused_by_what_actually_inflates()
    {
        // Both headers say 1,000 bytes, so the directory checks let it through; the data inflates to 24 MB. Reading
        // stops at the declared size, and the bytes that came out do not match the entry's checksum.
        var message = Refusal(CoursePackageBuilder.Hostile.LyingBomb(24L << 20));

        Assert.Equal(
            "The archive's entry \"media/video.mp4\" does not match its header's size and checksum: it is damaged or misstates how far it expands (a zip bomb's trick). Such archives are refused.",
            message);
    }

    [Fact]
    public void Too_many_entries_are_refused() =>
        Assert.Equal("The archive holds 55 entries; at most 50 are accepted.",
            Refusal(CoursePackageBuilder.Hostile.TooManyEntries(50), new CoursePackageLimits { MaxPackageEntries = 50 }));

    [Fact]
    public void A_damaged_archive_is_refused() =>
        Assert.StartsWith("The archive is damaged and cannot be read", Refusal(CoursePackageBuilder.Hostile.Corrupt()));

    [Fact]
    public void A_file_that_is_not_a_zip_is_refused_whatever_its_name() =>
        Assert.Equal("This file is not a zip archive, whatever its name says. Ask the vendor for the course package as a .zip.",
            Refusal(CoursePackageBuilder.Hostile.NotAZip()));
}
