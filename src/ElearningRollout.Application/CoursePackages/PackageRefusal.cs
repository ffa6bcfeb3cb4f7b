namespace ElearningRollout.Application.CoursePackages;

/// <summary>An archive refused before any report: hostile, damaged or not a zip. Nothing of it is kept.</summary>
public sealed class PackageRefusedException(string message) : Exception(message);
