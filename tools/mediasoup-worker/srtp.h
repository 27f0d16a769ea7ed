// libsrtp 3's API on top of libsrtp 2.5 (Debian's libsrtp2-dev), for mediasoup-worker 3.19.
// mediasoup includes <srtp.h> and calls libsrtp 3's out-of-place functions with size_t lengths;
// libsrtp 2.5 protects in place with int lengths. These C++ overloads copy into the output
// buffer (when it differs) and protect there. Placed first on the include path by the build
// (scripts/build-mediasoup-worker.sh), so no mediasoup source is changed.
#pragma once

#include <srtp2/srtp.h>

#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstring>

// Status codes libsrtp 3 added; 2.5 never returns them, mediasoup only names them in a table.
constexpr srtp_err_status_t srtp_err_status_buffer_small = static_cast<srtp_err_status_t>(28);
constexpr srtp_err_status_t srtp_err_status_cryptex_err = static_cast<srtp_err_status_t>(29);

namespace arogyam_srtp_compat
{
	// Copies `in` to `out` (unless in place) and runs libsrtp 2.5's in-place `op` there.
	// `grows`: protecting appends up to SRTP_MAX_TRAILER_LEN bytes, so the output must hold them.
	template<typename Op>
	inline srtp_err_status_t InPlace(
	  Op op, srtp_t ctx, const uint8_t* in, size_t inLen, uint8_t* out, size_t* outLen, bool grows)
	{
		const size_t need = grows ? inLen + SRTP_MAX_TRAILER_LEN : inLen;

		if (inLen > static_cast<size_t>(INT_MAX) - SRTP_MAX_TRAILER_LEN || *outLen < need)
			return srtp_err_status_buffer_small;

		if (out != in)
			std::memmove(out, in, inLen);

		int len                     = static_cast<int>(inLen);
		const srtp_err_status_t err = op(ctx, out, &len);

		if (err == srtp_err_status_ok)
			*outLen = static_cast<size_t>(len);

		return err;
	}
} // namespace arogyam_srtp_compat

// libsrtp 3 renamed srtp_remove_stream (same arguments: the SSRC in network byte order).
inline srtp_err_status_t srtp_stream_remove(srtp_t session, uint32_t ssrc)
{
	return srtp_remove_stream(session, ssrc);
}

// mki_index is accepted for libsrtp 3's signature; mediasoup configures no MKI and passes 0.
inline srtp_err_status_t srtp_protect(
  srtp_t ctx, const uint8_t* rtp, size_t rtpLen, uint8_t* srtp, size_t* srtpLen, size_t /*mki_index*/)
{
	return arogyam_srtp_compat::InPlace(
	  [](srtp_t c, void* p, int* l) { return srtp_protect(c, p, l); }, ctx, rtp, rtpLen, srtp, srtpLen, true);
}

inline srtp_err_status_t srtp_unprotect(
  srtp_t ctx, const uint8_t* srtp, size_t srtpLen, uint8_t* rtp, size_t* rtpLen)
{
	return arogyam_srtp_compat::InPlace(
	  [](srtp_t c, void* p, int* l) { return srtp_unprotect(c, p, l); }, ctx, srtp, srtpLen, rtp, rtpLen, false);
}

inline srtp_err_status_t srtp_protect_rtcp(
  srtp_t ctx, const uint8_t* rtcp, size_t rtcpLen, uint8_t* srtcp, size_t* srtcpLen, size_t /*mki_index*/)
{
	return arogyam_srtp_compat::InPlace(
	  [](srtp_t c, void* p, int* l) { return srtp_protect_rtcp(c, p, l); },
	  ctx,
	  rtcp,
	  rtcpLen,
	  srtcp,
	  srtcpLen,
	  true);
}

inline srtp_err_status_t srtp_unprotect_rtcp(
  srtp_t ctx, const uint8_t* srtcp, size_t srtcpLen, uint8_t* rtcp, size_t* rtcpLen)
{
	return arogyam_srtp_compat::InPlace(
	  [](srtp_t c, void* p, int* l) { return srtp_unprotect_rtcp(c, p, l); },
	  ctx,
	  srtcp,
	  srtcpLen,
	  rtcp,
	  rtcpLen,
	  false);
}
