namespace NetClaims.Reports;

/// <summary>
/// The user's input is wrong (an unknown claim, a malformed token, a size the machine cannot hold, a folder that
/// cannot be a report folder): hosts print the one-line message and exit 2. Thrown by the code that parses or checks
/// the input — never inferred from an exception's .NET type, so a library's ArgumentException from a bug is still a bug.
/// </summary>
public class UsageException(string message) : Exception(message);
