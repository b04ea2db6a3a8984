/**
 * A video file a player opens: H.264 (Constrained Baseline) in an MP4 container, both
 * written here. Key frames carry every macroblock as I_PCM (raw samples — the one
 * H.264 macroblock type that needs no transform or entropy coder); the frames between
 * them are P frames whose macroblocks are all skipped (an exact copy of the previous
 * frame), which keeps the file small. The picture is the prompt image of media-png.ts
 * with a bar that moves across it, so playback visibly advances.
 *
 * References: ITU-T H.264 §7.3 (syntax), ISO/IEC 14496-12 (MP4 boxes), 14496-15 (avcC).
 */
import { hashText, random, renderPromptPixels } from './media-png.ts';

export type VideoOptions = {
  prompt: string;
  /** Requested size; the file is drawn at most 320 px wide (multiples of 16). */
  width?: number;
  height?: number;
  seconds?: number;
};

const FPS = 8;
const KEY_EVERY = 4; // a new key frame (and bar position) twice a second
const MAX_WIDTH = 320;

class BitWriter {
  private bytes: number[] = [];
  private current = 0;
  private count = 0;

  bit(value: number): void {
    this.current = (this.current << 1) | (value & 1);
    if (++this.count === 8) {
      this.bytes.push(this.current);
      this.current = 0;
      this.count = 0;
    }
  }

  bits(value: number, n: number): void {
    for (let i = n - 1; i >= 0; i--) this.bit((value >>> i) & 1);
  }

  /** Unsigned Exp-Golomb ue(v). */
  ue(value: number): void {
    const v = value + 1;
    const length = 32 - Math.clz32(v);
    this.bits(0, length - 1);
    this.bits(v, length);
  }

  /** Signed Exp-Golomb se(v). */
  se(value: number): void {
    this.ue(value <= 0 ? -2 * value : 2 * value - 1);
  }

  byte(value: number): void {
    if (this.count === 0) this.bytes.push(value & 0xff);
    else this.bits(value, 8);
  }

  get aligned(): boolean {
    return this.count === 0;
  }

  alignZero(): void {
    while (this.count !== 0) this.bit(0);
  }

  /** rbsp_trailing_bits: a stop bit, then zeros to the byte boundary. */
  trailing(): Uint8Array {
    this.bit(1);
    this.alignZero();
    return Uint8Array.from(this.bytes);
  }
}

/** RBSP → NAL unit payload with emulation-prevention bytes (§7.4.1). */
function nal(header: number, rbsp: Uint8Array): Buffer {
  const out: number[] = [header];
  let zeros = 0;
  for (const byte of rbsp) {
    if (zeros >= 2 && byte <= 3) {
      out.push(3);
      zeros = 0;
    }
    out.push(byte);
    zeros = byte === 0 ? zeros + 1 : 0;
  }
  return Buffer.from(out);
}

function sps(widthMbs: number, heightMbs: number): Buffer {
  const w = new BitWriter();
  w.bits(66, 8); // profile_idc: Baseline
  w.bits(0b11000000, 8); // constraint_set0 + set1: Constrained Baseline
  w.bits(30, 8); // level_idc 3.0
  w.ue(0); // seq_parameter_set_id
  w.ue(0); // log2_max_frame_num_minus4 → frame_num has 4 bits
  w.ue(2); // pic_order_cnt_type 2: output order = decoding order
  w.ue(1); // max_num_ref_frames
  w.bit(0); // gaps_in_frame_num_value_allowed_flag
  w.ue(widthMbs - 1);
  w.ue(heightMbs - 1);
  w.bit(1); // frame_mbs_only_flag
  w.bit(1); // direct_8x8_inference_flag
  w.bit(0); // frame_cropping_flag
  w.bit(0); // vui_parameters_present_flag
  return nal(0x67, w.trailing());
}

function pps(): Buffer {
  const w = new BitWriter();
  w.ue(0); // pic_parameter_set_id
  w.ue(0); // seq_parameter_set_id
  w.bit(0); // entropy_coding_mode_flag: CAVLC
  w.bit(0); // bottom_field_pic_order_in_frame_present_flag
  w.ue(0); // num_slice_groups_minus1
  w.ue(0); // num_ref_idx_l0_default_active_minus1
  w.ue(0); // num_ref_idx_l1_default_active_minus1
  w.bit(0); // weighted_pred_flag
  w.bits(0, 2); // weighted_bipred_idc
  w.se(0); // pic_init_qp_minus26
  w.se(0); // pic_init_qs_minus26
  w.se(0); // chroma_qp_index_offset
  w.bit(1); // deblocking_filter_control_present_flag
  w.bit(0); // constrained_intra_pred_flag
  w.bit(0); // redundant_pic_cnt_present_flag
  return nal(0x68, w.trailing());
}

type Yuv = { y: Uint8Array; u: Uint8Array; v: Uint8Array };

/** An IDR picture: every macroblock I_PCM (mb_type 25), samples clamped to 1..255. */
function idrSlice(picture: Yuv, widthMbs: number, heightMbs: number, idrId: number): Buffer {
  const w = new BitWriter();
  w.ue(0); // first_mb_in_slice
  w.ue(7); // slice_type: I (all slices of the picture)
  w.ue(0); // pic_parameter_set_id
  w.bits(0, 4); // frame_num
  w.ue(idrId % 2); // idr_pic_id: consecutive IDRs differ
  w.bit(0); // no_output_of_prior_pics_flag
  w.bit(0); // long_term_reference_flag
  w.se(0); // slice_qp_delta
  w.ue(1); // disable_deblocking_filter_idc: off
  const width = widthMbs * 16;
  const sample = (value: number) => w.byte(Math.min(255, Math.max(1, value)));
  for (let my = 0; my < heightMbs; my++) {
    for (let mx = 0; mx < widthMbs; mx++) {
      w.ue(25); // mb_type I_PCM
      w.alignZero(); // pcm_alignment_zero_bit
      for (let y = 0; y < 16; y++) {
        for (let x = 0; x < 16; x++) sample(picture.y[(my * 16 + y) * width + mx * 16 + x]!);
      }
      for (const plane of [picture.u, picture.v]) {
        for (let y = 0; y < 8; y++) {
          for (let x = 0; x < 8; x++) sample(plane[(my * 8 + y) * (width / 2) + mx * 8 + x]!);
        }
      }
    }
  }
  return nal(0x65, w.trailing());
}

/** A P picture whose macroblocks are all P_Skip: a copy of the previous frame. */
function skipSlice(frameNum: number, macroblocks: number): Buffer {
  const w = new BitWriter();
  w.ue(0); // first_mb_in_slice
  w.ue(5); // slice_type: P (all slices)
  w.ue(0); // pic_parameter_set_id
  w.bits(frameNum, 4); // frame_num
  w.bit(0); // num_ref_idx_active_override_flag
  w.bit(0); // ref_pic_list_modification_flag_l0
  w.bit(0); // adaptive_ref_pic_marking_mode_flag
  w.se(0); // slice_qp_delta
  w.ue(1); // disable_deblocking_filter_idc
  w.ue(macroblocks); // mb_skip_run: the whole picture
  return nal(0x41, w.trailing());
}

/** RGB → BT.601 limited-range YUV 4:2:0. */
function toYuv(rgb: Uint8Array, width: number, height: number): Yuv {
  const y = new Uint8Array(width * height);
  const u = new Uint8Array((width / 2) * (height / 2));
  const v = new Uint8Array((width / 2) * (height / 2));
  for (let j = 0; j < height; j++) {
    for (let i = 0; i < width; i++) {
      const k = (j * width + i) * 3;
      const [r, g, b] = [rgb[k]!, rgb[k + 1]!, rgb[k + 2]!];
      y[j * width + i] = Math.round(16 + 0.257 * r + 0.504 * g + 0.098 * b);
      if (j % 2 === 0 && i % 2 === 0) {
        const c = (j / 2) * (width / 2) + i / 2;
        u[c] = Math.round(128 - 0.148 * r - 0.291 * g + 0.439 * b);
        v[c] = Math.round(128 + 0.439 * r - 0.368 * g - 0.071 * b);
      }
    }
  }
  return { y, u, v };
}

function box(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length, 0);
  head.write(type, 4, 'ascii');
  return Buffer.concat([head, body]);
}

function fullBox(type: string, version: number, flags: number, ...parts: Buffer[]): Buffer {
  const vf = Buffer.alloc(4);
  vf.writeUInt32BE(((version & 0xff) << 24) | (flags & 0xffffff));
  return box(type, vf, ...parts);
}

function u32s(...values: number[]): Buffer {
  const b = Buffer.alloc(values.length * 4);
  values.forEach((value, i) => {
    b.writeUInt32BE(value >>> 0, i * 4);
  });
  return b;
}

function u16s(...values: number[]): Buffer {
  const b = Buffer.alloc(values.length * 2);
  values.forEach((value, i) => {
    b.writeUInt16BE(value & 0xffff, i * 2);
  });
  return b;
}

const MATRIX = u32s(0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000);

function mp4(
  samples: Buffer[],
  keyFrames: number[],
  width: number,
  height: number,
  spsNal: Buffer,
  ppsNal: Buffer,
): Buffer {
  const timescale = 1000;
  const delta = timescale / FPS;
  const duration = samples.length * delta;
  const ftyp = box(
    'ftyp',
    Buffer.from('isom', 'ascii'),
    u32s(0x200),
    Buffer.from('isomiso2avc1mp41', 'ascii'),
  );
  const avcC = box(
    'avcC',
    Buffer.from([1, spsNal[1]!, spsNal[2]!, spsNal[3]!, 0xff, 0xe1]),
    u16s(spsNal.length),
    spsNal,
    Buffer.from([1]),
    u16s(ppsNal.length),
    ppsNal,
  );
  const compressor = Buffer.alloc(32);
  const avc1 = box(
    'avc1',
    Buffer.alloc(6),
    u16s(1), // data_reference_index
    Buffer.alloc(16),
    u16s(width, height),
    u32s(0x480000, 0x480000, 0), // 72 dpi, reserved
    u16s(1), // frame_count
    compressor,
    u16s(0x18, 0xffff), // depth, pre_defined -1
    avcC,
  );
  const stbl = (chunkOffset: number) =>
    box(
      'stbl',
      fullBox('stsd', 0, 0, u32s(1), avc1),
      fullBox('stts', 0, 0, u32s(1, samples.length, delta)),
      fullBox('stss', 0, 0, u32s(keyFrames.length, ...keyFrames.map((k) => k + 1))),
      fullBox('stsc', 0, 0, u32s(1, 1, samples.length, 1)),
      fullBox('stsz', 0, 0, u32s(0, samples.length, ...samples.map((s) => s.length))),
      fullBox('stco', 0, 0, u32s(1, chunkOffset)),
    );
  const moov = (chunkOffset: number) =>
    box(
      'moov',
      fullBox(
        'mvhd',
        0,
        0,
        u32s(0, 0, timescale, duration, 0x10000),
        u16s(0x100),
        Buffer.alloc(10),
        MATRIX,
        Buffer.alloc(24),
        u32s(2),
      ),
      box(
        'trak',
        fullBox(
          'tkhd',
          0,
          3,
          u32s(0, 0, 1, 0, duration, 0, 0),
          u16s(0, 0, 0, 0),
          MATRIX,
          u32s(width << 16, height << 16),
        ),
        box(
          'mdia',
          fullBox('mdhd', 0, 0, u32s(0, 0, timescale, duration), u16s(0x55c4, 0)),
          fullBox(
            'hdlr',
            0,
            0,
            u32s(0),
            Buffer.from('vide', 'ascii'),
            Buffer.alloc(12),
            Buffer.from('VideoHandler\0', 'ascii'),
          ),
          box(
            'minf',
            fullBox('vmhd', 0, 1, u16s(0, 0, 0, 0)),
            box('dinf', fullBox('dref', 0, 0, u32s(1), fullBox('url ', 0, 1))),
            stbl(chunkOffset),
          ),
        ),
      ),
    );
  // The chunk offset does not change the moov size: build once to measure, then for real.
  const offset = ftyp.length + moov(0).length + 8;
  const mdat = box('mdat', ...samples);
  return Buffer.concat([ftyp, moov(offset), mdat]);
}

function lengthPrefixed(unit: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(unit.length);
  return Buffer.concat([length, unit]);
}

/** The MP4 for a prompt: `seconds` (1–20, default 4) at 8 frames per second. */
export function renderPromptVideo({
  prompt,
  width = 1280,
  height = 720,
  seconds = 4,
}: VideoOptions): Buffer {
  const scale = Math.min(1, MAX_WIDTH / Math.max(1, width));
  const widthMbs = Math.max(2, Math.round((width * scale) / 16));
  const heightMbs = Math.max(2, Math.round((height * scale) / 16));
  const w = widthMbs * 16;
  const h = heightMbs * 16;
  const frames = Math.round(Math.min(20, Math.max(1, seconds)) * FPS);
  const base = renderPromptPixels({ prompt, width: w, height: h });
  const barColour = random(hashText(prompt))() > 0.5 ? [255, 255, 255] : [20, 20, 30];
  const keys = Math.ceil(frames / KEY_EVERY);
  const samples: Buffer[] = [];
  const keyFrames: number[] = [];
  for (let f = 0; f < frames; f++) {
    if (f % KEY_EVERY === 0) {
      const key = f / KEY_EVERY;
      const rgb = Uint8Array.from(base);
      // A progress bar along the top edge: how far into the clip this key frame is.
      const barEnd = Math.round(((key + 1) / keys) * w);
      for (let y = 0; y < Math.max(4, h >> 5); y++) {
        for (let x = 0; x < barEnd; x++) rgb.set(barColour, (y * w + x) * 3);
      }
      keyFrames.push(f);
      samples.push(lengthPrefixed(idrSlice(toYuv(rgb, w, h), widthMbs, heightMbs, key)));
    } else {
      samples.push(lengthPrefixed(skipSlice(f % KEY_EVERY, widthMbs * heightMbs)));
    }
  }
  return mp4(samples, keyFrames, w, h, sps(widthMbs, heightMbs), pps());
}
