using System;
using System.Text;

namespace Sigil.Generators.Hashing
{
    /// <summary>
    /// A small managed BLAKE3 (hash mode only, default 32-byte output), for the generator: the Blake3 NuGet package
    /// is native and cannot load inside the compiler. Follows the reference implementation
    /// (https://github.com/BLAKE3-team/BLAKE3/blob/master/reference_impl/reference_impl.rs); tested against the
    /// official vectors and the Blake3 package.
    /// </summary>
    internal static class Blake3Managed
    {
        /// <summary>Digest length in bytes.</summary>
        public const int OutputLength = 32;

        private const int BlockLength = 64;
        private const int ChunkLength = 1024;
        private const uint ChunkStart = 1;
        private const uint ChunkEnd = 2;
        private const uint Parent = 4;
        private const uint Root = 8;

        private static readonly uint[] Iv =
        {
            0x6A09E667, 0xBB67AE85, 0x3C6EF372, 0xA54FF53A, 0x510E527F, 0x9B05688C, 0x1F83D9AB, 0x5BE0CD19,
        };

        private static readonly int[] MessagePermutation = { 2, 6, 3, 10, 7, 0, 4, 13, 1, 11, 12, 5, 9, 14, 15, 8 };

        /// <summary>BLAKE3 of the UTF-8 bytes of <paramref name="text"/>, lowercase hex.</summary>
        public static string HashHex(string text) => HashHex(Encoding.UTF8.GetBytes(text));

        /// <summary>BLAKE3 of <paramref name="input"/>, lowercase hex (64 characters).</summary>
        public static string HashHex(byte[] input)
        {
            var digest = Hash(input);
            var builder = new StringBuilder(digest.Length * 2);
            foreach (var b in digest)
            {
                builder.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }
            return builder.ToString();
        }

        /// <summary>BLAKE3 of <paramref name="input"/> (32 bytes).</summary>
        public static byte[] Hash(byte[] input)
        {
            if (input is null)
            {
                throw new ArgumentNullException(nameof(input));
            }

            // Stack of chaining values of completed subtrees; 54 levels cover 2^64 bytes.
            var stack = new uint[54][];
            var stackLength = 0;
            var chunkCounter = 0UL;
            var offset = 0;

            // Every chunk but the last is merged into the tree as soon as it is known more input follows it.
            while (input.Length - offset > ChunkLength)
            {
                var cv = ChunkChainingValue(input, offset, ChunkLength, chunkCounter);
                chunkCounter++;
                var totalChunks = chunkCounter;
                while ((totalChunks & 1) == 0)
                {
                    cv = ParentChainingValue(stack[--stackLength], cv);
                    totalChunks >>= 1;
                }
                stack[stackLength++] = cv;
                offset += ChunkLength;
            }

            // The last chunk (possibly empty) and then every pending parent, the last node being the root.
            var output = ChunkOutput(input, offset, input.Length - offset, chunkCounter);
            while (stackLength > 0)
            {
                var right = First8(Compress(output.InputCv, output.Block, output.Counter, output.BlockLength, output.Flags));
                output = ParentOutput(stack[--stackLength], right);
            }
            var rootWords = Compress(output.InputCv, output.Block, 0, output.BlockLength, output.Flags | Root);
            var digest = new byte[OutputLength];
            for (var i = 0; i < 8; i++)
            {
                WriteLittleEndian(rootWords[i], digest, i * 4);
            }
            return digest;
        }

        private static uint[] ChunkChainingValue(byte[] input, int offset, int length, ulong counter)
        {
            var output = ChunkOutput(input, offset, length, counter);
            return First8(Compress(output.InputCv, output.Block, output.Counter, output.BlockLength, output.Flags));
        }

        /// <summary>Compresses every full block of a chunk but the last, returning the pending last block.</summary>
        private static Output ChunkOutput(byte[] input, int offset, int length, ulong counter)
        {
            var cv = (uint[])Iv.Clone();
            var blocksCompressed = 0;
            var position = 0;
            while (length - position > BlockLength)
            {
                var block = ReadBlock(input, offset + position, BlockLength);
                var flags = blocksCompressed == 0 ? ChunkStart : 0;
                cv = First8(Compress(cv, block, counter, BlockLength, flags));
                blocksCompressed++;
                position += BlockLength;
            }
            var lastLength = length - position;
            var lastFlags = (blocksCompressed == 0 ? ChunkStart : 0) | ChunkEnd;
            return new Output(cv, ReadBlock(input, offset + position, lastLength), counter, (uint)lastLength, lastFlags);
        }

        private static uint[] ParentChainingValue(uint[] left, uint[] right)
        {
            var output = ParentOutput(left, right);
            return First8(Compress(output.InputCv, output.Block, output.Counter, output.BlockLength, output.Flags));
        }

        private static Output ParentOutput(uint[] left, uint[] right)
        {
            var block = new uint[16];
            Array.Copy(left, 0, block, 0, 8);
            Array.Copy(right, 0, block, 8, 8);
            return new Output(Iv, block, 0, BlockLength, Parent);
        }

        private static uint[] Compress(uint[] cv, uint[] blockWords, ulong counter, uint blockLength, uint flags)
        {
            var state = new uint[16];
            Array.Copy(cv, 0, state, 0, 8);
            state[8] = Iv[0];
            state[9] = Iv[1];
            state[10] = Iv[2];
            state[11] = Iv[3];
            state[12] = (uint)counter;
            state[13] = (uint)(counter >> 32);
            state[14] = blockLength;
            state[15] = flags;
            var block = (uint[])blockWords.Clone();
            for (var round = 0; round < 7; round++)
            {
                Round(state, block);
                if (round < 6)
                {
                    block = Permute(block);
                }
            }
            for (var i = 0; i < 8; i++)
            {
                state[i] ^= state[i + 8];
                state[i + 8] ^= cv[i];
            }
            return state;
        }

        private static void Round(uint[] s, uint[] m)
        {
            G(s, 0, 4, 8, 12, m[0], m[1]);
            G(s, 1, 5, 9, 13, m[2], m[3]);
            G(s, 2, 6, 10, 14, m[4], m[5]);
            G(s, 3, 7, 11, 15, m[6], m[7]);
            G(s, 0, 5, 10, 15, m[8], m[9]);
            G(s, 1, 6, 11, 12, m[10], m[11]);
            G(s, 2, 7, 8, 13, m[12], m[13]);
            G(s, 3, 4, 9, 14, m[14], m[15]);
        }

        private static void G(uint[] s, int a, int b, int c, int d, uint mx, uint my)
        {
            unchecked
            {
                s[a] = s[a] + s[b] + mx;
                s[d] = RotateRight(s[d] ^ s[a], 16);
                s[c] = s[c] + s[d];
                s[b] = RotateRight(s[b] ^ s[c], 12);
                s[a] = s[a] + s[b] + my;
                s[d] = RotateRight(s[d] ^ s[a], 8);
                s[c] = s[c] + s[d];
                s[b] = RotateRight(s[b] ^ s[c], 7);
            }
        }

        private static uint[] Permute(uint[] m)
        {
            var permuted = new uint[16];
            for (var i = 0; i < 16; i++)
            {
                permuted[i] = m[MessagePermutation[i]];
            }
            return permuted;
        }

        private static uint RotateRight(uint value, int count) => (value >> count) | (value << (32 - count));

        private static uint[] First8(uint[] words)
        {
            var result = new uint[8];
            Array.Copy(words, 0, result, 0, 8);
            return result;
        }

        /// <summary>Reads up to 64 bytes as 16 little-endian words, zero-padded.</summary>
        private static uint[] ReadBlock(byte[] input, int offset, int length)
        {
            var padded = new byte[BlockLength];
            Array.Copy(input, offset, padded, 0, length);
            var words = new uint[16];
            for (var i = 0; i < 16; i++)
            {
                words[i] = padded[i * 4] | ((uint)padded[(i * 4) + 1] << 8) | ((uint)padded[(i * 4) + 2] << 16) | ((uint)padded[(i * 4) + 3] << 24);
            }
            return words;
        }

        private static void WriteLittleEndian(uint value, byte[] destination, int offset)
        {
            destination[offset] = (byte)value;
            destination[offset + 1] = (byte)(value >> 8);
            destination[offset + 2] = (byte)(value >> 16);
            destination[offset + 3] = (byte)(value >> 24);
        }

        private readonly struct Output
        {
            public Output(uint[] inputCv, uint[] block, ulong counter, uint blockLength, uint flags)
            {
                InputCv = inputCv;
                Block = block;
                Counter = counter;
                BlockLength = blockLength;
                Flags = flags;
            }

            public uint[] InputCv { get; }

            public uint[] Block { get; }

            public ulong Counter { get; }

            public uint BlockLength { get; }

            public uint Flags { get; }
        }
    }
}
