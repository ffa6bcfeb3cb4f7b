using ElearningRollout.Tests.Shared;

namespace ElearningRollout.Web.Tests.Hosting;

/// <summary>The package store after a crash: the temporary uploads it left are gone once the app has started; checked packages stay.</summary>
public sealed class AbandonedUploadSweeperTests
{
    [Fact]
    public async Task Uploads_a_crash_left_in_the_store_are_removed_at_start_up_and_checked_packages_stay()
    {
        var packages = Path.Combine(Path.GetTempPath(), $"elr-web-packages-{Guid.NewGuid():N}");
        var incoming = Directory.CreateDirectory(Path.Combine(packages, ".incoming")).FullName;
        var leftOver = Path.Combine(incoming, $"{Guid.NewGuid():N}.upload");
        await File.WriteAllBytesAsync(leftOver, new byte[4096]);
        var placed = Path.Combine(Directory.CreateDirectory(Path.Combine(packages, Guid.NewGuid().ToString("N"))).FullName, "package.zip");
        await File.WriteAllBytesAsync(placed, [1, 2, 3]);

        await using var app = new ProductAppFactory { PackagesPath = packages };
        using var client = app.CreateClient();

        Assert.False(File.Exists(leftOver));
        Assert.True(File.Exists(placed));
        Assert.Empty(Directory.GetFiles(incoming));
    }
}
