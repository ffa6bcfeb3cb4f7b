using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ElearningRollout.Tests.Shared.CoursePackages;

/// <summary>
/// Builds course packages for tests: valid SCORM 1.2, SCORM 2004 (3rd or 4th edition), cmi5 and xAPI packages, each a
/// small course (a launch page, a stylesheet, a script), and from them every broken variant (one change each) and the
/// hostile archives the pre-flight check must refuse.
/// </summary>
public sealed class CoursePackageBuilder
{
    private readonly SortedDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    private CoursePackageBuilder()
    {
    }

    public const string LaunchPage = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>Safe lifting</title>
          <link rel="stylesheet" href="css/course.css">
          <link rel="stylesheet" href="https://fonts.example-cdn.com/css?family=Inter">
          <script src="js/course.js"></script>
        </head>
        <body><h1>Safe lifting</h1></body>
        </html>
        """;

    public static CoursePackageBuilder Scorm12() => Course().With("imsmanifest.xml", ScormManifest(
        "http://www.imsproject.org/xsd/imscp_rootv1p1p2", "http://www.adlnet.org/xsd/adlcp_rootv1p2", "1.2", "adlcp:scormtype"));

    public static CoursePackageBuilder Scorm2004(int edition = 4) => Course().With("imsmanifest.xml", ScormManifest(
        "http://www.imsglobal.org/xsd/imscp_v1p1", "http://www.adlnet.org/xsd/adlcp_v1p3", $"2004 {(edition == 3 ? "3rd" : "4th")} Edition", "adlcp:scormType"));

    public static CoursePackageBuilder Cmi5() => Course().With("cmi5.xml", """
        <?xml version="1.0" encoding="utf-8"?>
        <courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
          <course id="https://courses.example.com/safe-lifting">
            <title><langstring lang="en-US">Safe lifting</langstring></title>
            <description><langstring lang="en-US">Lifting without injury.</langstring></description>
          </course>
          <au id="https://courses.example.com/safe-lifting/au/1" moveOn="Completed">
            <title><langstring lang="en-US">Lesson 1</langstring></title>
            <description><langstring lang="en-US">Posture.</langstring></description>
            <url>index.html</url>
          </au>
        </courseStructure>
        """);

    public static CoursePackageBuilder Xapi() => Course().With("tincan.xml", """
        <?xml version="1.0" encoding="utf-8"?>
        <tincan xmlns="http://projecttincan.com/tincan.xsd">
          <activities>
            <activity id="https://courses.example.com/safe-lifting" type="http://adlnet.gov/expapi/activities/course">
              <name>Safe lifting</name>
              <launch lang="en-us">index.html</launch>
            </activity>
          </activities>
        </tincan>
        """);

    private static CoursePackageBuilder Course() => new CoursePackageBuilder()
        .With("index.html", LaunchPage)
        .With("css/course.css", "body { font-family: Inter, sans-serif; background: url('../img/bg.png'); }")
        .With("img/bg.png", [0x89, 0x50, 0x4E, 0x47])
        .With("js/course.js", "window.addEventListener('load', function () { document.title = 'Safe lifting'; });");

    private static string ScormManifest(string cp, string adlcp, string version, string scormType) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <manifest identifier="com.example.safe-lifting" version="1.0" xmlns="{cp}" xmlns:adlcp="{adlcp}">
          <metadata><schema>ADL SCORM</schema><schemaversion>{version}</schemaversion></metadata>
          <organizations default="org-1">
            <organization identifier="org-1">
              <title>Safe lifting</title>
              <item identifier="item-1" identifierref="res-1"><title>Lesson 1</title></item>
            </organization>
          </organizations>
          <resources>
            <resource identifier="res-1" type="webcontent" {scormType}="sco" href="index.html">
              <file href="index.html"/>
              <file href="css/course.css"/>
              <file href="img/bg.png"/>
              <file href="js/course.js"/>
            </resource>
          </resources>
        </manifest>
        """;

    public CoursePackageBuilder With(string path, string content) => With(path, Encoding.UTF8.GetBytes(content));

    public CoursePackageBuilder With(string path, byte[] content)
    {
        _files[path] = content;
        return this;
    }

    public CoursePackageBuilder Without(string path)
    {
        _files.Remove(path);
        return this;
    }

    /// <summary>Replaces <paramref name="find"/> with <paramref name="replacement"/> in a text file of the package.</summary>
    public CoursePackageBuilder Edit(string path, string find, string replacement)
    {
        var text = Encoding.UTF8.GetString(_files[path]);
        if (!text.Contains(find, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{path} does not contain \"{find}\".");
        }

        return With(path, text.Replace(find, replacement, StringComparison.Ordinal));
    }

    public byte[] Build(CompressionLevel level = CompressionLevel.Optimal)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, content) in _files)
            {
                var entry = zip.CreateEntry(path, level);
                using var stream = entry.Open();
                stream.Write(content);
            }
        }

        return memory.ToArray();
    }

    /// <summary>Hostile archives, each refused by the pre-flight check.</summary>
    public static class Hostile
    {
        /// <summary>A valid course plus one entry whose name is <paramref name="name"/> (e.g. "../../x" or "/etc/cron.d/x").</summary>
        public static byte[] WithEntryNamed(string name) => Zip(Scorm12(), zip => Write(zip.CreateEntry(name), "owned"));

        /// <summary>A valid course plus a symbolic link (Unix mode 0120777 in the external attributes) pointing outside.</summary>
        public static byte[] WithLink() => Zip(Scorm12(), zip =>
        {
            var link = zip.CreateEntry("assets/passwd");
            link.ExternalAttributes = unchecked((int)(0xA1FFu << 16));
            Write(link, "/etc/passwd");
        });

        /// <summary>One entry of <paramref name="bytes"/> zeros: expands about a thousand times its compressed size.</summary>
        public static byte[] Bomb(long bytes) => Zip(Scorm12(), zip =>
        {
            using var stream = zip.CreateEntry("media/video.mp4", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (long written = 0; written < bytes; written += zeros.Length)
            {
                stream.Write(zeros, 0, (int)Math.Min(zeros.Length, bytes - written));
            }
        });

        /// <summary>
        /// A bomb whose headers lie: <paramref name="bytes"/> zeros, but the local header and the central directory both
        /// say the entry expands to 1,000 bytes, so a check of the directory alone lets it through.
        /// </summary>
        public static byte[] LyingBomb(long bytes)
        {
            var zip = Bomb(bytes);
            var name = "media/video.mp4"u8.ToArray();
            PatchUncompressedSize(zip, 0x04034b50, 22, 26, 30, name);
            PatchUncompressedSize(zip, 0x02014b50, 24, 28, 46, name);
            return zip;
        }

        public static byte[] TooManyEntries(int count) => Zip(Scorm12(), zip =>
        {
            for (var i = 0; i < count; i++)
            {
                Write(zip.CreateEntry($"media/frame-{i:D6}.txt"), "x");
            }
        });

        /// <summary>A valid package with its central directory overwritten: the archive's index is unreadable.</summary>
        public static byte[] Corrupt()
        {
            var zip = Scorm12().Build();
            var directory = IndexOf(zip, 0x02014b50, 0);
            for (var i = directory; i < zip.Length - 22; i++)
            {
                zip[i] = 0x5A;
            }

            return zip;
        }

        /// <summary>A PDF, named course.zip by the uploader.</summary>
        public static byte[] NotAZip() => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");

        private static byte[] Zip(CoursePackageBuilder course, Action<ZipArchive> addHostile)
        {
            using var memory = new MemoryStream();
            memory.Write(course.Build());
            using (var zip = new ZipArchive(memory, ZipArchiveMode.Update, leaveOpen: true))
            {
                addHostile(zip);
            }

            return memory.ToArray();
        }

        private static void Write(ZipArchiveEntry entry, string content)
        {
            using var stream = entry.Open();
            stream.Write(Encoding.UTF8.GetBytes(content));
        }

        private static void PatchUncompressedSize(byte[] zip, uint signature, int sizeOffset, int nameLengthOffset, int nameOffset, byte[] name)
        {
            for (var at = IndexOf(zip, signature, 0); at >= 0; at = IndexOf(zip, signature, at + 4))
            {
                var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + nameLengthOffset));
                if (zip.AsSpan(at + nameOffset, nameLength).SequenceEqual(name))
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(at + sizeOffset), 1000);
                    return;
                }
            }

            throw new InvalidOperationException("Entry not found.");
        }

        private static int IndexOf(byte[] zip, uint signature, int from)
        {
            for (var i = from; i + 4 <= zip.Length; i++)
            {
                if (BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i)) == signature)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
