namespace CryptoIntel;

/// <summary>The base type of the exceptions the CryptoIntel packages throw for failures that are not programmer errors.</summary>
public class CryptoIntelException : Exception
{
    /// <summary>Creates an exception.</summary>
    public CryptoIntelException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message.</param>
    public CryptoIntelException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public CryptoIntelException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
