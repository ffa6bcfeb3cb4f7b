using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using ElearningRollout.Domain.CoursePackages;

namespace ElearningRollout.Application.CoursePackages;

/// <summary>
/// The pre-flight check of a vendor's course package, read from a zip on disk with System.IO.Compression. Pure: it
/// writes nothing and extracts nothing. It first refuses hostile archives (<see cref="PackageRefusedException"/>):
/// not a zip, damaged, too many entries, a name with <c>..</c> or an absolute path, a link, duplicate names, sizes
/// or a compression ratio past the limits by the central directory, and, because headers can lie, by the bytes
/// actually inflated while reading. Then it reports on the manifest, standard, resources, launch file, identifiers,
/// local paths, external hosts, sizes, mobile viewport and compression (docs/domain.md, "Course package pre-flight").
/// </summary>
public static partial class CoursePackageInspector
{
    /// <summary>Manifests and scanned text files are read into memory up to this size; a bigger manifest is refused as unreadable.</summary>
    public const int MaxManifestBytes = 4 * 1024 * 1024;

    /// <summary>HTML, CSS and JavaScript files scanned for hosts and local paths, each up to this size (the rest is not scanned, and said so).</summary>
    public const int MaxScannedTextBytes = 8 * 1024 * 1024;

    private static readonly string[] ManifestNames = ["imsmanifest.xml", "cmi5.xml", "tincan.xml"];

    private static readonly string[] ScannedExtensions = [".html", ".htm", ".xhtml", ".css", ".js", ".mjs"];

    // XML namespace names, not places a browser goes (SVG and XHTML created from script name them).
    private static readonly HashSet<string> NamespaceHosts = new(StringComparer.OrdinalIgnoreCase) { "www.w3.org" };

    /// <param name="zip">The uploaded file, seekable (a file in the package store).</param>
    /// <param name="accepted">The standards the engagement's requirements accept (<see cref="ContentStandardRequirement"/>).</param>
    public static CoursePackageReport Inspect(Stream zip, CoursePackageLimits limits, IReadOnlySet<PackageStandard> accepted)
    {
        EnsureLooksLikeZip(zip);
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new PackageRefusedException($"The archive is damaged and cannot be read ({e.Message}).");
        }

        using (archive)
        {
            var entries = ReadDirectory(archive, limits);
            var methods = ZipCentralDirectory.Read(zip);
            if (entries.FirstOrDefault(e => methods.TryGetValue(e.FullName, out var m) && m.Encrypted) is { } encrypted)
            {
                throw new PackageRefusedException($"The archive's entry \"{Shown(encrypted.FullName)}\" is encrypted; an LMS cannot import it and it cannot be checked.");
            }

            var contents = ReadEntries(entries, limits, methods);
            return Report(entries, contents, methods, accepted);
        }
    }

    private static void EnsureLooksLikeZip(Stream zip)
    {
        Span<byte> signature = stackalloc byte[4];
        zip.Position = 0;
        var read = zip.ReadAtLeast(signature, 4, throwOnEndOfStream: false);
        zip.Position = 0;

        // A zip starts with a local file header (PK\3\4), or the end of central directory when empty (PK\5\6).
        if (read < 4 || signature[0] != 'P' || signature[1] != 'K' || !((signature[2] == 3 && signature[3] == 4) || (signature[2] == 5 && signature[3] == 6)))
        {
            throw new PackageRefusedException("This file is not a zip archive, whatever its name says. Ask the vendor for the course package as a .zip.");
        }
    }

    /// <summary>The central directory's view, refused when it is hostile; nothing is inflated yet.</summary>
    private static List<ZipArchiveEntry> ReadDirectory(ZipArchive archive, CoursePackageLimits limits)
    {
        IReadOnlyCollection<ZipArchiveEntry> all;
        try
        {
            all = archive.Entries;
        }
        catch (InvalidDataException e)
        {
            throw new PackageRefusedException($"The archive is damaged and cannot be read ({e.Message}).");
        }

        if (all.Count > limits.MaxPackageEntries)
        {
            throw new PackageRefusedException($"The archive holds {all.Count:N0} entries; at most {limits.MaxPackageEntries:N0} are accepted.");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        long declared = 0;
        foreach (var entry in all)
        {
            var name = entry.FullName;
            if (UnsafeName(name) is { } why)
            {
                throw new PackageRefusedException($"The archive's entry \"{Shown(name)}\" {why}; such archives are refused.");
            }

            // The upper 16 bits of the external attributes are the Unix mode when the zip was made on Unix.
            if (((entry.ExternalAttributes >> 16) & 0xF000) == 0xA000)
            {
                throw new PackageRefusedException($"The archive's entry \"{Shown(name)}\" is a link; archives with links are refused.");
            }

            if (!names.Add(Normalised(name)))
            {
                throw new PackageRefusedException($"The archive holds \"{Shown(name)}\" twice; archives with duplicate names are refused.");
            }

            declared += entry.Length;
            if (declared > limits.MaxExpandedPackageBytes)
            {
                throw new PackageRefusedException(
                    $"The archive would expand to more than {Size(limits.MaxExpandedPackageBytes)}, the most accepted (a zip bomb, or far larger than a course).");
            }

            if (entry.Length > 1024 * 1024 && entry.Length > (long)limits.MaxCompressionRatio * Math.Max(entry.CompressedLength, 1))
            {
                throw new PackageRefusedException(
                    $"The archive's entry \"{Shown(name)}\" expands {entry.Length / Math.Max(entry.CompressedLength, 1):N0} times its compressed size; at most {limits.MaxCompressionRatio} times is accepted (a zip bomb).");
            }
        }

        return [.. all];
    }

    /// <summary>
    /// Inflates every entry once, counting the bytes that really come out: an entry that yields more than its header
    /// declared, or a total past the limit, is refused as soon as it is seen, without inflating the rest. Keeps the
    /// manifest and the text files to scan.
    /// </summary>
    private static Dictionary<string, byte[]> ReadEntries(List<ZipArchiveEntry> entries, CoursePackageLimits limits, Dictionary<string, ZipCentralDirectory.Entry> methods)
    {
        var kept = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var buffer = new byte[81920];
        long inflated = 0;
        foreach (var entry in entries.Where(e => !IsFolder(e.FullName)))
        {
            var name = Normalised(entry.FullName);
            var keep = ManifestNames.Contains(name, StringComparer.OrdinalIgnoreCase) || ScannedExtensions.Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase);
            var keepLimit = ManifestNames.Contains(name, StringComparer.OrdinalIgnoreCase) ? MaxManifestBytes : MaxScannedTextBytes;
            using var copy = keep ? new MemoryStream() : null;
            var crc = new Crc32();
            long fromEntry = 0;
            try
            {
                using var content = entry.Open();
                int read;
                while ((read = content.Read(buffer, 0, buffer.Length)) > 0)
                {
                    fromEntry += read;
                    inflated += read;
                    if (fromEntry > entry.Length)
                    {
                        throw new PackageRefusedException(
                            $"The archive's entry \"{Shown(entry.FullName)}\" expands to more than its header says ({Size(entry.Length)}); archives that misstate their sizes are refused (a zip bomb).");
                    }

                    if (inflated > limits.MaxExpandedPackageBytes)
                    {
                        throw new PackageRefusedException(
                            $"The archive would expand to more than {Size(limits.MaxExpandedPackageBytes)}, the most accepted (a zip bomb, or far larger than a course).");
                    }

                    crc.Append(buffer.AsSpan(0, read));
                    if (copy is not null && copy.Length < keepLimit)
                    {
                        copy.Write(buffer, 0, (int)Math.Min(read, keepLimit - copy.Length));
                    }
                }
            }
            catch (InvalidDataException e) when (MethodOf(entry, methods) is "Stored" or "Deflate" or "Deflate64" or "unknown")
            {
                throw new PackageRefusedException($"The archive's entry \"{Shown(entry.FullName)}\" is damaged and cannot be read ({e.Message}).");
            }
            catch (Exception e) when (e is InvalidDataException or NotSupportedException)
            {
                throw new PackageRefusedException(
                    $"The archive's entry \"{Shown(entry.FullName)}\" uses a compression method that cannot be read ({MethodOf(entry, methods)}); ask for a zip made with Deflate.");
            }

            // System.IO.Compression stops inflating at the size the header declares, so a header that understates it
            // (a zip bomb's trick) shows as bytes that do not match the entry's checksum: refused, not read on.
            if (fromEntry != entry.Length || crc.Value != entry.Crc32)
            {
                throw new PackageRefusedException(
                    $"The archive's entry \"{Shown(entry.FullName)}\" does not match its header's size and checksum: it is damaged or misstates how far it expands (a zip bomb's trick). Such archives are refused.");
            }

            if (copy is not null)
            {
                kept[name] = copy.ToArray();
            }
        }

        return kept;
    }

    private static CoursePackageReport Report(
        List<ZipArchiveEntry> entries, Dictionary<string, byte[]> contents, Dictionary<string, ZipCentralDirectory.Entry> directory, IReadOnlySet<PackageStandard> accepted)
    {
        var findings = new List<PackageFinding>();
        var files = entries.Where(e => !IsFolder(e.FullName)).ToList();
        var paths = new HashSet<string>(files.Select(e => Normalised(e.FullName)), StringComparer.Ordinal);
        var hosts = new Dictionary<string, PackageHost>(StringComparer.OrdinalIgnoreCase);

        var manifest = ManifestNames.FirstOrDefault(contents.ContainsKey);
        ManifestReading? reading = null;
        if (manifest is null)
        {
            var nested = paths.FirstOrDefault(p => ManifestNames.Contains(Path.GetFileName(p), StringComparer.OrdinalIgnoreCase));
            findings.Add(new(PackageCheck.Manifest, FindingSeverity.Error, nested is null
                ? "There is no manifest at the package's root: imsmanifest.xml (SCORM), cmi5.xml (cmi5) or tincan.xml (xAPI). The LMS cannot import it."
                : $"The manifest is not at the package's root but at \"{nested}\"; the LMS looks for it at the root. Ask the vendor to zip the course's folder contents, not the folder."));
        }
        else
        {
            reading = ReadManifest(manifest, contents[manifest], findings);
        }

        if (reading is not null)
        {
            if (reading.Standard is { } standard)
            {
                if (ContentStandardRequirement.Compare(standard, accepted) is { } mismatch)
                {
                    findings.Add(mismatch);
                }
            }

            CheckReferences(reading, paths, findings, hosts, manifest!);
        }

        foreach (var (name, bytes) in contents.Where(c => !ManifestNames.Contains(c.Key, StringComparer.OrdinalIgnoreCase)).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            ScanText(name, bytes, findings, hosts);
        }

        var launch = reading?.LaunchFile;
        if (launch is not null && IsHtml(launch) && contents.TryGetValue(launch, out var page) && !ViewportMeta().IsMatch(Text(page)))
        {
            findings.Add(new(PackageCheck.MobileViewport, FindingSeverity.Warning,
                $"The launch page \"{launch}\" has no <meta name=\"viewport\">; on phones it shows as a shrunken desktop page."));
        }

        foreach (var host in hosts.Values.Where(h => h.PlainHttp).OrderBy(h => h.Host, StringComparer.Ordinal))
        {
            findings.Add(new(PackageCheck.ExternalHosts, FindingSeverity.Error,
                $"\"{host.FoundIn}\" loads from http://{host.Host} without TLS; browsers block it in an LMS served over https, and the network sees it in clear."));
        }

        var methods = files.Select(e => MethodOf(e, directory)).Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var method in methods.Where(m => m is not ("Stored" or "Deflate" or "unknown")))
        {
            findings.Add(new(PackageCheck.Compression, FindingSeverity.Warning,
                $"Some files are compressed with {method}; not every LMS unpacks it. Stored and Deflate are safe."));
        }

        var largest = files.OrderByDescending(e => e.Length).FirstOrDefault();
        var total = files.Sum(e => e.Length);
        findings.Add(new(PackageCheck.Sizes, FindingSeverity.Information, largest is null
            ? "The package holds no files."
            : $"{files.Count:N0} files, {Size(total)} in all; the largest is \"{Normalised(largest.FullName)}\" ({Size(largest.Length)})."));

        return new CoursePackageReport(
            reading?.Standard, manifest, launch, files.Count, total, largest is null ? null : Normalised(largest.FullName), largest?.Length ?? 0,
            methods, findings.OrderByDescending(f => f.Severity).ThenBy(f => f.Check).ToList(),
            hosts.Values.OrderBy(h => h.Host, StringComparer.Ordinal).ToList());
    }

    /// <summary>What a manifest says: its standard, the files it names (with the entry that names them), its identifiers and its launch file.</summary>
    private sealed record ManifestReading(PackageStandard? Standard, string? LaunchFile, IReadOnlyList<(string Reference, string NamedBy)> References, IReadOnlyList<string> Identifiers);

    private static ManifestReading? ReadManifest(string manifest, byte[] bytes, List<PackageFinding> findings)
    {
        if (bytes.Length >= MaxManifestBytes)
        {
            findings.Add(new(PackageCheck.Manifest, FindingSeverity.Error, $"{manifest} is larger than {Size(MaxManifestBytes)}; it was not read."));
            return null;
        }

        XDocument document;
        try
        {
            // No DTD, no external entities, no resolver: a manifest is data, never instructions to fetch anything.
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                MaxCharactersInDocument = MaxManifestBytes,
                MaxCharactersFromEntities = 0,
            };
            using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
            document = XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException e)
        {
            findings.Add(new(PackageCheck.Manifest, FindingSeverity.Error, $"{manifest} is not well-formed XML (line {e.LineNumber}, position {e.LinePosition}): {e.Message}"));
            return null;
        }

        var root = document.Root!;
        return manifest.ToLowerInvariant() switch
        {
            "imsmanifest.xml" => ReadScorm(root, findings),
            "cmi5.xml" => ReadCmi5(root, findings),
            _ => ReadTinCan(root, findings),
        };
    }

    private static ManifestReading ReadScorm(XElement root, List<PackageFinding> findings)
    {
        var version = root.Descendants().FirstOrDefault(e => e.Name.LocalName == "schemaversion")?.Value.Trim();
        PackageStandard? standard = version?.ToLowerInvariant() switch
        {
            "1.2" => PackageStandard.Scorm12,
            "cam 1.3" => PackageStandard.Scorm2004SecondEdition,
            "2004 3rd edition" => PackageStandard.Scorm2004ThirdEdition,
            "2004 4th edition" => PackageStandard.Scorm2004FourthEdition,
            _ => null,
        };
        if (standard is null)
        {
            findings.Add(new(PackageCheck.Standard, FindingSeverity.Error, version is null
                ? "imsmanifest.xml does not state its SCORM version (metadata/schemaversion); the LMS may import it as the wrong one."
                : $"imsmanifest.xml states the SCORM version \"{version}\", which is not 1.2, CAM 1.3, 2004 3rd Edition or 2004 4th Edition."));
        }

        var references = new List<(string, string)>();
        var resources = root.Elements().Where(e => e.Name.LocalName == "resources").ToList();
        var resourceIds = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach (var resource in resources.SelectMany(r => r.Elements().Where(e => e.Name.LocalName == "resource")))
        {
            var id = (string?)resource.Attribute("identifier") ?? "";
            resourceIds.TryAdd(id, resource);
            var baseHref = Combine((string?)resource.Parent!.Attribute(XNamespace.Xml + "base"), (string?)resource.Attribute(XNamespace.Xml + "base"));
            if ((string?)resource.Attribute("href") is { } href)
            {
                references.Add((Combine(baseHref, href), $"resource \"{id}\""));
            }

            foreach (var file in resource.Elements().Where(e => e.Name.LocalName == "file"))
            {
                if ((string?)file.Attribute("href") is { } fileHref)
                {
                    references.Add((Combine(baseHref, fileHref), $"resource \"{id}\""));
                }
            }
        }

        // The launch file: the first item of the default organization that points at a resource with an href.
        var organizations = root.Elements().FirstOrDefault(e => e.Name.LocalName == "organizations");
        var defaultId = (string?)organizations?.Attribute("default");
        var organization = organizations?.Elements().FirstOrDefault(o => o.Name.LocalName == "organization" && (defaultId is null || (string?)o.Attribute("identifier") == defaultId))
            ?? organizations?.Elements().FirstOrDefault(o => o.Name.LocalName == "organization");
        string? launch = null;
        foreach (var item in organization?.Descendants().Where(e => e.Name.LocalName == "item") ?? [])
        {
            if ((string?)item.Attribute("identifierref") is not { } target)
            {
                continue;
            }

            if (!resourceIds.TryGetValue(target, out var resource))
            {
                findings.Add(new(PackageCheck.Resources, FindingSeverity.Error,
                    $"The item \"{(string?)item.Attribute("identifier")}\" points at the resource \"{target}\", which the manifest does not define."));
                continue;
            }

            if (launch is null && (string?)resource.Attribute("href") is { } href)
            {
                launch = Combine(Combine((string?)resource.Parent!.Attribute(XNamespace.Xml + "base"), (string?)resource.Attribute(XNamespace.Xml + "base")), href);
            }
        }

        if (launch is null)
        {
            findings.Add(new(PackageCheck.LaunchFile, FindingSeverity.Error, "The manifest's organization has no item that launches a resource with an href; the LMS has nothing to start."));
        }

        var identifiers = root.DescendantsAndSelf()
            .Where(e => e.Name.LocalName is "manifest" or "organization" or "item" or "resource")
            .Select(e => (string?)e.Attribute("identifier")).OfType<string>().ToList();
        return new ManifestReading(standard, launch, references, identifiers);
    }

    private static ManifestReading ReadCmi5(XElement root, List<PackageFinding> findings)
    {
        if (root.Name.LocalName != "courseStructure")
        {
            findings.Add(new(PackageCheck.Manifest, FindingSeverity.Error, "cmi5.xml has no <courseStructure> root; it is not a cmi5 course structure."));
        }

        var units = root.Descendants().Where(e => e.Name.LocalName == "au").ToList();
        var references = units
            .Select(au => (Url: au.Elements().FirstOrDefault(e => e.Name.LocalName == "url")?.Value.Trim(), Id: (string?)au.Attribute("id") ?? ""))
            .Where(u => !string.IsNullOrEmpty(u.Url)).Select(u => (u.Url!, $"assignable unit \"{u.Id}\"")).ToList();
        if (references.Count == 0)
        {
            findings.Add(new(PackageCheck.LaunchFile, FindingSeverity.Error, "cmi5.xml has no assignable unit (<au>) with a <url>; the LMS has nothing to launch."));
        }

        var identifiers = root.DescendantsAndSelf().Where(e => e.Name.LocalName is "course" or "block" or "au" or "objective")
            .Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();
        return new ManifestReading(PackageStandard.Cmi5, references.Count == 0 ? null : references[0].Item1, references, identifiers);
    }

    private static ManifestReading ReadTinCan(XElement root, List<PackageFinding> findings)
    {
        if (root.Name.LocalName != "tincan")
        {
            findings.Add(new(PackageCheck.Manifest, FindingSeverity.Error, "tincan.xml has no <tincan> root; it is not an xAPI package description."));
        }

        var activities = root.Descendants().Where(e => e.Name.LocalName == "activity").ToList();
        var references = activities
            .Select(a => (Launch: a.Elements().FirstOrDefault(e => e.Name.LocalName == "launch")?.Value.Trim(), Id: (string?)a.Attribute("id") ?? ""))
            .Where(a => !string.IsNullOrEmpty(a.Launch)).Select(a => (a.Launch!, $"activity \"{a.Id}\"")).ToList();
        if (references.Count == 0)
        {
            findings.Add(new(PackageCheck.LaunchFile, FindingSeverity.Error, "tincan.xml has no activity with a <launch> file; the LMS has nothing to start."));
        }

        var identifiers = activities.Select(a => (string?)a.Attribute("id")).OfType<string>().ToList();
        return new ManifestReading(PackageStandard.Xapi, references.Count == 0 ? null : references[0].Item1, references, identifiers);
    }

    private static void CheckReferences(ManifestReading reading, HashSet<string> paths, List<PackageFinding> findings, Dictionary<string, PackageHost> hosts, string manifest)
    {
        foreach (var (reference, namedBy) in reading.References.Distinct())
        {
            if (LocalPath().IsMatch(reference) || reference.StartsWith('/') || reference.StartsWith('\\'))
            {
                findings.Add(new(PackageCheck.LocalPaths, FindingSeverity.Error,
                    $"{manifest} names \"{reference}\" ({namedBy}), an absolute path on the vendor's machine; it exists nowhere else."));
                continue;
            }

            if (Uri.TryCreate(reference, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                AddHost(hosts, uri.Host + (uri.IsDefaultPort ? "" : $":{uri.Port}"), uri.Scheme == "http", manifest);
                continue;
            }

            var path = FileOf(reference);
            if (path.Length > 0 && !paths.Contains(path) && path != FileOf(reading.LaunchFile ?? ""))
            {
                findings.Add(new(PackageCheck.Resources, FindingSeverity.Error, $"{manifest} names \"{path}\" ({namedBy}), which is not in the package."));
            }
        }

        if (reading.LaunchFile is { } launch && !Uri.TryCreate(launch, UriKind.Absolute, out _) && FileOf(launch) is { Length: > 0 } launchPath && !paths.Contains(launchPath))
        {
            findings.Add(new(PackageCheck.LaunchFile, FindingSeverity.Error, $"The launch file \"{launchPath}\" is not in the package; the course cannot start."));
        }

        foreach (var duplicate in reading.Identifiers.GroupBy(i => i, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            findings.Add(new(PackageCheck.Identifiers, FindingSeverity.Error,
                $"The identifier \"{duplicate}\" is used more than once in {manifest}; identifiers must be unique or the LMS mixes up progress."));
        }
    }

    /// <summary>Hosts the file would contact, and absolute local paths it names.</summary>
    private static void ScanText(string name, byte[] bytes, List<PackageFinding> findings, Dictionary<string, PackageHost> hosts)
    {
        var text = Text(bytes);
        foreach (Match url in ExternalUrl().Matches(text))
        {
            var host = url.Groups["host"].Value.TrimEnd('.');
            if (host.Length == 0 || NamespaceHosts.Contains(host) || !host.Contains('.'))
            {
                continue;
            }

            var scheme = url.Groups["scheme"].Value.ToLowerInvariant();
            AddHost(hosts, host.ToLowerInvariant(), scheme == "http:", name);
        }

        if (LocalReference().Match(text) is { Success: true } local)
        {
            findings.Add(new(PackageCheck.LocalPaths, FindingSeverity.Error,
                $"\"{name}\" refers to \"{Shown(local.Groups["path"].Value)}\", an absolute path on the vendor's machine; it exists nowhere else."));
        }

        if (bytes.Length >= MaxScannedTextBytes)
        {
            findings.Add(new(PackageCheck.ExternalHosts, FindingSeverity.Warning,
                $"\"{name}\" is larger than {Size(MaxScannedTextBytes)}; only its first {Size(MaxScannedTextBytes)} were scanned for hosts."));
        }
    }

    private static void AddHost(Dictionary<string, PackageHost> hosts, string host, bool plainHttp, string foundIn)
    {
        var key = (plainHttp ? "http://" : "https://") + host;
        hosts.TryAdd(key, new PackageHost(host, plainHttp, foundIn));
    }

    private static string MethodOf(ZipArchiveEntry entry, Dictionary<string, ZipCentralDirectory.Entry> directory) =>
        directory.TryGetValue(entry.FullName, out var found) ? ZipCentralDirectory.MethodName(found.Method) : "unknown";

    private static string? UnsafeName(string name)
    {
        if (name.Length == 0 || name.Contains('\0'))
        {
            return "has no usable name";
        }

        var forward = name.Replace('\\', '/');
        if (forward.StartsWith('/') || DriveLetter().IsMatch(forward))
        {
            return "is an absolute path";
        }

        return forward.Split('/').Any(segment => segment == "..") ? "climbs out of the package with \"..\"" : null;
    }

    private static string Normalised(string name) => name.Replace('\\', '/');

    private static bool IsFolder(string name) => name.EndsWith('/') || name.EndsWith('\\');

    private static bool IsHtml(string path) => Path.GetExtension(path).ToLowerInvariant() is ".html" or ".htm" or ".xhtml";

    /// <summary>The file a relative reference names: without query and fragment, unescaped, "./" resolved.</summary>
    private static string FileOf(string reference)
    {
        var cut = reference.IndexOfAny(['?', '#']);
        var path = Uri.UnescapeDataString(cut < 0 ? reference : reference[..cut]).Replace('\\', '/');
        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }

                continue;
            }

            segments.Add(segment);
        }

        return string.Join('/', segments);
    }

    private static string Combine(string? first, string? second)
    {
        var parts = new[] { first, second }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()).ToList();
        return parts.Count switch
        {
            0 => "",
            1 => parts[0],
            _ => parts[0].TrimEnd('/') + "/" + parts[1].TrimStart('/'),
        };
    }

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    /// <summary>A name as it may be shown: control characters replaced, at most 200 characters.</summary>
    private static string Shown(string name)
    {
        var clean = new string(name.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return clean.Length <= 200 ? clean : clean[..200] + "…";
    }

    internal static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.#} GB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.#} MB",
        >= 1L << 10 => $"{bytes / (double)(1L << 10):0.#} KB",
        _ => $"{bytes} bytes",
    };

    [GeneratedRegex(@"^[A-Za-z]:")]
    private static partial Regex DriveLetter();

    [GeneratedRegex(@"^(?:file:|[A-Za-z]:[\\/]|\\\\)", RegexOptions.IgnoreCase)]
    private static partial Regex LocalPath();

    /// <summary>src, href, url() or import naming file:, a drive letter or a UNC share.</summary>
    [GeneratedRegex(@"(?:\b(?:src|href|action|data)\s*=\s*[""']?|url\(\s*[""']?|\bimport\s+[""'])(?<path>file:[^""'\s)>]*|[A-Za-z]:[\\/][^""'\s)>]*|\\\\[^""'\s)>]+)", RegexOptions.IgnoreCase)]
    private static partial Regex LocalReference();

    /// <summary>http://, https:// and protocol-relative //host in attribute values, url() and string literals.</summary>
    [GeneratedRegex(@"(?<scheme>https?:)//(?<host>[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::\d{1,5})?)|(?<=[""'(=]\s*)(?<scheme>)//(?<host>[A-Za-z0-9](?:[A-Za-z0-9-]*\.)+[A-Za-z]{2,}(?::\d{1,5})?)", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalUrl();

    [GeneratedRegex(@"<meta[^>]+name\s*=\s*[""']?viewport", RegexOptions.IgnoreCase)]
    private static partial Regex ViewportMeta();
}
