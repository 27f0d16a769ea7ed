// The demo doctors: specialities across cities, each with degrees, a clinic and weekly hours.
// Fees in paise. `hours` are Asia/Kolkata windows Monday (1) to Sunday (7); `longHair` only
// changes the drawn portrait.

const WEEKDAYS = [1, 2, 3, 4, 5];
const SIX_DAYS = [1, 2, 3, 4, 5, 6];
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const on = (days, ...windows) => days.flatMap((weekday) => windows.map(([start, end]) => ({ weekday, start, end })));

const morningAndEvening = on(SIX_DAYS, ['09:00', '13:00'], ['17:00', '20:00']);
const officeHours = on(WEEKDAYS, ['10:00', '18:00']);
// Teleconsultation doctors take calls late, so a visitor finds a free time whenever they come.
const longDays = on(EVERY_DAY, ['07:00', '23:00']);
const roundTheClock = on(EVERY_DAY, ['00:00', '24:00']);

export const DEMO_DOCTORS = [
  { fullName: 'Dr. Meera Iyer', specialization: 'Cardiology', city: 'Bengaluru', languages: ['English', 'Kannada', 'Tamil'], yearsOfExperience: 14, fee: 80000, qualifications: 'MBBS, MD (Medicine), DM (Cardiology)', clinic: ['Hrudaya Heart Clinic', '14, 100 Feet Road, Indiranagar'], hours: morningAndEvening, slotMinutes: 20, longHair: true },
  { fullName: 'Dr. Arjun Mehta', specialization: 'Dermatology', city: 'Mumbai', languages: ['English', 'Hindi', 'Marathi'], yearsOfExperience: 9, fee: 60000, qualifications: 'MBBS, MD (Dermatology, Venereology & Leprosy)', clinic: ['Clear Skin Centre', '2nd Floor, Linking Road, Bandra West'], hours: officeHours, slotMinutes: 15 },
  { fullName: 'Dr. Fatima Sheikh', specialization: 'Paediatrics', city: 'Hyderabad', languages: ['English', 'Urdu', 'Telugu'], yearsOfExperience: 11, fee: 50000, qualifications: 'MBBS, MD (Paediatrics)', clinic: ['Little Steps Children’s Clinic', 'Road No. 12, Banjara Hills'], hours: morningAndEvening, slotMinutes: 15, longHair: true },
  { fullName: 'Dr. Rohan Das', specialization: 'General Medicine', city: 'Kolkata', languages: ['English', 'Bengali', 'Hindi'], yearsOfExperience: 6, fee: 40000, qualifications: 'MBBS, MD (General Medicine)', clinic: ['Salt Lake Family Clinic', 'CF-142, Sector I, Salt Lake'], hours: roundTheClock, slotMinutes: 15 },
  { fullName: 'Dr. Kavya Nair', specialization: 'Gynaecology', city: 'Kochi', languages: ['English', 'Malayalam'], yearsOfExperience: 17, fee: 90000, qualifications: 'MBBS, MS (Obstetrics & Gynaecology), DNB', clinic: ['Amrutha Women’s Clinic', 'MG Road, Ravipuram'], hours: officeHours, slotMinutes: 30, longHair: true },
  { fullName: 'Dr. Vikram Singh', specialization: 'Orthopaedics', city: 'Delhi', languages: ['English', 'Hindi', 'Punjabi'], yearsOfExperience: 20, fee: 100000, qualifications: 'MBBS, MS (Orthopaedics), FRCS', clinic: ['Capital Bone & Joint Centre', 'B-7, Greater Kailash Part 1'], hours: morningAndEvening, slotMinutes: 20 },
  { fullName: 'Dr. Lakshmi Rao', specialization: 'Psychiatry', city: 'Chennai', languages: ['English', 'Tamil', 'Telugu'], yearsOfExperience: 12, fee: 120000, qualifications: 'MBBS, MD (Psychiatry)', clinic: ['Manasa Mind Care', '48, Cathedral Road, Gopalapuram'], hours: on(SIX_DAYS, ['11:00', '19:00']), slotMinutes: 40, longHair: true },
  { fullName: 'Dr. Sanjay Kulkarni', specialization: 'Endocrinology', city: 'Pune', languages: ['English', 'Marathi', 'Hindi'], yearsOfExperience: 15, fee: 85000, qualifications: 'MBBS, MD (Medicine), DM (Endocrinology)', clinic: ['Sugar & Thyroid Clinic', 'Prabhat Road, Erandwane'], hours: officeHours, slotMinutes: 20 },
  { fullName: 'Dr. Ananya Bose', specialization: 'Neurology', city: 'Kolkata', languages: ['English', 'Bengali'], yearsOfExperience: 13, fee: 110000, qualifications: 'MBBS, MD (Medicine), DM (Neurology)', clinic: ['NeuroCare Kolkata', '22, Park Street'], hours: on(WEEKDAYS, ['09:30', '14:30']), slotMinutes: 30, longHair: true },
  { fullName: 'Dr. Harpreet Kaur', specialization: 'Ophthalmology', city: 'Chandigarh', languages: ['English', 'Hindi', 'Punjabi'], yearsOfExperience: 10, fee: 55000, qualifications: 'MBBS, MS (Ophthalmology)', clinic: ['Drishti Eye Clinic', 'SCO 45, Sector 17-C'], hours: morningAndEvening, slotMinutes: 15, longHair: true },
  { fullName: 'Dr. Rahul Verma', specialization: 'ENT', city: 'Lucknow', languages: ['English', 'Hindi'], yearsOfExperience: 8, fee: 45000, qualifications: 'MBBS, MS (ENT)', clinic: ['Verma ENT Clinic', 'Hazratganj, near Sahu Cinema'], hours: longDays, slotMinutes: 15 },
  { fullName: 'Dr. Priya Menon', specialization: 'General Medicine', city: 'Bengaluru', languages: ['English', 'Malayalam', 'Kannada'], yearsOfExperience: 7, fee: 35000, qualifications: 'MBBS, DNB (Family Medicine)', clinic: ['Koramangala Health Point', '80 Feet Road, Koramangala 4th Block'], hours: longDays, slotMinutes: 15, longHair: true },
  { fullName: 'Dr. Imran Qureshi', specialization: 'Pulmonology', city: 'Ahmedabad', languages: ['English', 'Gujarati', 'Hindi', 'Urdu'], yearsOfExperience: 16, fee: 75000, qualifications: 'MBBS, MD (Respiratory Medicine)', clinic: ['Breathe Easy Chest Clinic', 'C.G. Road, Navrangpura'], hours: morningAndEvening, slotMinutes: 20 },
  { fullName: 'Dr. Sneha Patil', specialization: 'Dentistry', city: 'Mumbai', languages: ['English', 'Marathi', 'Hindi'], yearsOfExperience: 5, fee: 30000, qualifications: 'BDS, MDS (Orthodontics)', clinic: ['Smile Studio Dental', 'Shop 3, Hiranandani Gardens, Powai'], hours: officeHours, slotMinutes: 30, longHair: true },
  { fullName: 'Dr. Karthik Subramanian', specialization: 'Gastroenterology', city: 'Chennai', languages: ['English', 'Tamil'], yearsOfExperience: 18, fee: 95000, qualifications: 'MBBS, MD (Medicine), DM (Gastroenterology)', clinic: ['Digestive Health Centre', '7, Khader Nawaz Khan Road, Nungambakkam'], hours: on(SIX_DAYS, ['08:00', '12:00']), slotMinutes: 20 },
  { fullName: 'Dr. Deepa Joshi', specialization: 'Diabetology', city: 'Jaipur', languages: ['English', 'Hindi', 'Rajasthani'], yearsOfExperience: 12, fee: 50000, qualifications: 'MBBS, MD (Medicine), Fellowship in Diabetology', clinic: ['Joshi Diabetes Care', 'C-Scheme, Ashok Marg'], hours: roundTheClock, slotMinutes: 20, longHair: true },
];

/** Left for the admin's verification demo: registered, never approved, so never listed. */
export const PENDING_DOCTOR = { fullName: 'Dr. Neha Kapoor', specialization: 'ENT', city: 'Jaipur', languages: ['English', 'Hindi'], yearsOfExperience: 5, fee: 45000, qualifications: 'MBBS, DLO', clinic: ['Kapoor ENT Clinic', 'Malviya Nagar'], hours: officeHours, slotMinutes: 15, longHair: true };
