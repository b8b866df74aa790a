import { DISTRICTS, NOTABLES, SECTIONS, type SectorStyle } from "./places";
import type { Rng } from "./random";

/**
 * Names of the grassroots committees below the sector committees, and which sections their cells
 * are named after. Real institutions where the list is short and well known, generated otherwise.
 */

const list = (text: string) => text.split(", ");

const DEPARTMENTS = list(
  "Sở Y tế, Sở Giáo dục và Đào tạo, Sở Tài chính, Sở Kế hoạch và Đầu tư, Sở Xây dựng, Sở Giao thông vận tải, Sở Công Thương, Sở Nội vụ, Sở Tư pháp, Sở Tài nguyên và Môi trường, Sở Nông nghiệp và Phát triển nông thôn, Sở Văn hóa và Thể thao, Sở Du lịch, Sở Thông tin và Truyền thông, Sở Khoa học và Công nghệ, Sở Lao động – Thương binh và Xã hội, Sở Quy hoạch – Kiến trúc, Văn phòng Ủy ban nhân dân Thành phố, Văn phòng Thành ủy, Thanh tra Thành phố, Báo Hànộimới, Đài Phát thanh và Truyền hình Hà Nội, Ban Quản lý các khu công nghiệp và chế xuất",
);
const CITY_HOSPITALS = list(
  "Bệnh viện đa khoa Xanh Pôn, Bệnh viện Thanh Nhàn, Bệnh viện đa khoa Đức Giang, Bệnh viện đa khoa Hà Đông, Bệnh viện đa khoa Sơn Tây, Bệnh viện Đống Đa, Bệnh viện Tim Hà Nội, Bệnh viện Ung bướu Hà Nội, Bệnh viện Phụ sản Hà Nội, Bệnh viện Nhi Hà Nội, Bệnh viện Mắt Hà Nội, Bệnh viện Bắc Thăng Long, Bệnh viện Thận Hà Nội",
);
const COMPANIES = list(
  "Công ty TNHH MTV Nước sạch Hà Nội, Công ty TNHH MTV Môi trường đô thị Hà Nội, Công ty TNHH MTV Thoát nước Hà Nội, Công ty TNHH MTV Chiếu sáng và Thiết bị đô thị, Công ty TNHH MTV Công viên cây xanh Hà Nội, Công ty cổ phần Bia – Rượu – Nước giải khát Hà Nội, Công ty TNHH MTV Đường sắt Hà Nội, Công ty cổ phần Thương mại Hà Nội, Công ty TNHH MTV Xổ số Thủ đô, Công ty TNHH MTV Thủy lợi sông Đáy, Công ty TNHH MTV Thủy lợi sông Nhuệ, Công ty cổ phần Xuất nhập khẩu Hà Nội",
);
const INDUSTRIES = list("Xây dựng, Thương mại, Dịch vụ, Cơ khí, May, Đầu tư phát triển, Vật liệu xây dựng, Vận tải, Dược phẩm, Thực phẩm, Điện tử, In");
const POLICE_UNITS = list(
  "Phòng Cảnh sát giao thông, Phòng Cảnh sát hình sự, Phòng Cảnh sát điều tra tội phạm về ma túy, Phòng Cảnh sát phòng cháy chữa cháy và cứu nạn cứu hộ, Phòng An ninh chính trị nội bộ, Phòng An ninh kinh tế, Phòng Tham mưu, Phòng Công tác đảng và công tác chính trị, Phòng Hậu cần, Phòng Cảnh sát quản lý hành chính về trật tự xã hội, Trung đoàn Cảnh sát cơ động, Trại tạm giam số 1",
);
const FACULTIES = list(
  "Khoa Toán – Cơ – Tin học, Khoa Vật lý, Khoa Hóa học, Khoa Công nghệ thông tin, Khoa Kinh tế, Khoa Luật, Khoa Ngữ văn, Khoa Lịch sử, Khoa Ngoại ngữ, Khoa Điện, Khoa Cơ khí, Khoa Xây dựng, Khoa Môi trường, Khoa Y, Khoa Dược, Viện Đào tạo sau đại học, Các phòng chức năng, Khối Sinh viên",
);
const CENTRES = list(
  "Trung tâm Chống độc, Viện Tim mạch, Trung tâm Hô hấp, Trung tâm Y học hạt nhân và Ung bướu, Trung tâm Đột quỵ, Trung tâm Dinh dưỡng lâm sàng, Viện Chấn thương chỉnh hình, Trung tâm Gây mê hồi sức, Khối Nội, Khối Ngoại, Khối Cận lâm sàng, Các phòng chức năng",
);

const districtLabel = (i: number) => {
  const x = DISTRICTS[i % DISTRICTS.length];
  return `${x.kind} ${x.name}`;
};

/** The name of the `i`-th grassroots committee of a sector committee of the given style. */
export function sectorGrassrootsName(style: SectorStyle, i: number, rng: Rng): string {
  switch (style) {
    case "agencies":
      if (i < DEPARTMENTS.length) return `Đảng ủy ${DEPARTMENTS[i]}`;
      if (i - DEPARTMENTS.length < CITY_HOSPITALS.length) return `Đảng ủy ${CITY_HOSPITALS[i - DEPARTMENTS.length]}`;
      return rng.chance(0.5) ? `Đảng ủy Trường THPT ${rng.pick(NOTABLES)}` : `Đảng ủy Trung tâm ${rng.pick(INDUSTRIES)} Hà Nội số ${i}`;
    case "enterprises":
      if (i < COMPANIES.length) return `Đảng ủy ${COMPANIES[i]}`;
      return `Đảng ủy Công ty cổ phần ${rng.pick(INDUSTRIES)} Hà Nội số ${i - COMPANIES.length + 1}`;
    case "police":
      if (i < DISTRICTS.length) return `Đảng ủy Công an ${districtLabel(i)}`;
      return `Đảng ủy ${POLICE_UNITS[(i - DISTRICTS.length) % POLICE_UNITS.length]}${i - DISTRICTS.length >= POLICE_UNITS.length ? ` số ${i}` : ""}`;
    case "military":
      if (i < DISTRICTS.length) return `Đảng ủy Ban Chỉ huy quân sự ${districtLabel(i)}`;
      return `Đảng ủy Trung đoàn ${i - DISTRICTS.length + 1}`;
    case "university":
      return `Đảng ủy ${FACULTIES[i % FACULTIES.length]}`;
    case "hospital":
      return `Đảng ủy ${CENTRES[i % CENTRES.length]}`;
    case "corporation":
      return i < DISTRICTS.length ? `Đảng ủy Chi nhánh ${districtLabel(i)}` : `Đảng ủy Xí nghiệp số ${i - DISTRICTS.length + 1}`;
  }
}

/** Which list of sections names the cells of a grassroots committee of this style. */
export function sectionsOf(style: SectorStyle): readonly string[] {
  switch (style) {
    case "agencies":
      return SECTIONS.office;
    case "enterprises":
    case "corporation":
      return SECTIONS.company;
    case "police":
      return SECTIONS.police;
    case "military":
      return SECTIONS.military;
    case "university":
      return SECTIONS.university;
    case "hospital":
      return SECTIONS.hospital;
  }
}

/** Chi bộ cơ sở (a grassroots organisation that is itself a cell) directly under a district committee. */
export const DISTRICT_BASE_CELLS = list(
  "Ngân hàng Chính sách xã hội, Chi cục Thuế, Viện Kiểm sát nhân dân, Tòa án nhân dân, Chi cục Thi hành án dân sự, Kho bạc Nhà nước, Bảo hiểm xã hội, Trung tâm Văn hóa – Thông tin và Thể thao",
);
