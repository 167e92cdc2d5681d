// The stream hub writes broadcast frames itself (one buffer shared by every client): each must be
// exactly the frame RFC 6455 §5.2 defines, for each of the three payload length encodings.
import t from 'tap';
import { textFrame } from '../../collector/api/stream-hub.js';

t.test('final unmasked text frames with 7-bit, 16-bit and 64-bit payload lengths', async (t) => {
  const short = textFrame('Hello');
  t.same([...short], [0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f], 'RFC 6455 §5.7: a single-frame unmasked text message');
  t.same([...textFrame('x'.repeat(125)).subarray(0, 2)], [0x81, 125], '125 bytes still fit in 7 bits');
  const medium = textFrame('y'.repeat(126));
  t.same([...medium.subarray(0, 4)], [0x81, 126, 0x00, 126], '126 bytes: 16-bit length');
  t.equal(medium.length, 4 + 126);
  const edge = textFrame('z'.repeat(65_535));
  t.same([...edge.subarray(0, 4)], [0x81, 126, 0xff, 0xff], '65,535 bytes: still 16 bits');
  const long = textFrame('w'.repeat(65_536));
  t.same([...long.subarray(0, 10)], [0x81, 127, 0, 0, 0, 0, 0, 1, 0, 0], '65,536 bytes: 64-bit length');
  t.equal(long.length, 10 + 65_536);
  const utf8 = textFrame('é€');
  t.same([...utf8], [0x81, 5, 0xc3, 0xa9, 0xe2, 0x82, 0xac], 'the length counts UTF-8 bytes, not characters');
});
