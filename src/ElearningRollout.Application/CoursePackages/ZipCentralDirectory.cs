using System.Buffers.Binary;

namespace ElearningRollout.Application.CoursePackages;

/// <summary>
/// What System.IO.Compression does not tell (in .NET 10): each entry's compression method and whether it is encrypted,
/// read from the zip's central directory. Reads only the directory; a directory it cannot follow (Zip64, damaged)
/// yields nothing here and the archive's own reader decides.
/// </summary>
internal static class ZipCentralDirectory
{
    private const uint EndOfDirectorySignature = 0x06054b50;
    private const uint DirectoryEntrySignature = 0x02014b50;

    internal sealed record Entry(ushort Method, bool Encrypted);

    public static Dictionary<string, Entry> Read(Stream zip)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var tailLength = (int)Math.Min(zip.Length, 22 + ushort.MaxValue);
        var tail = new byte[tailLength];
        zip.Position = zip.Length - tailLength;
        zip.ReadExactly(tail);
        var end = -1;
        for (var i = tailLength - 22; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) == EndOfDirectorySignature)
            {
                end = i;
                break;
            }
        }

        if (end < 0)
        {
            return entries;
        }

        var count = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(end + 10));
        var size = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(end + 12));
        var offset = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(end + 16));
        if (offset == uint.MaxValue || size == uint.MaxValue || (long)offset + size > zip.Length)
        {
            return entries;
        }

        var directory = new byte[size];
        zip.Position = offset;
        zip.ReadExactly(directory);
        var at = 0;
        for (var n = 0; n < count && at + 46 <= directory.Length; n++)
        {
            var record = directory.AsSpan(at);
            if (BinaryPrimitives.ReadUInt32LittleEndian(record) != DirectoryEntrySignature)
            {
                break;
            }

            var flags = BinaryPrimitives.ReadUInt16LittleEndian(record[8..]);
            var method = BinaryPrimitives.ReadUInt16LittleEndian(record[10..]);
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(record[28..]);
            var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(record[30..]);
            var commentLength = BinaryPrimitives.ReadUInt16LittleEndian(record[32..]);
            if (at + 46 + nameLength > directory.Length)
            {
                break;
            }

            // Bit 11: the name is UTF-8; otherwise code page 437, which for the ASCII names of course files reads the same.
            var name = System.Text.Encoding.UTF8.GetString(record.Slice(46, nameLength));
            entries.TryAdd(name, new Entry(method, (flags & 1) != 0));
            at += 46 + nameLength + extraLength + commentLength;
        }

        zip.Position = 0;
        return entries;
    }

    public static string MethodName(ushort method) => method switch
    {
        0 => "Stored",
        8 => "Deflate",
        9 => "Deflate64",
        12 => "BZip2",
        14 => "LZMA",
        93 => "Zstandard",
        95 => "XZ",
        98 => "PPMd",
        99 => "AES",
        _ => $"method {method}",
    };
}
