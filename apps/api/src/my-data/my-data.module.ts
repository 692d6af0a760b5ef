import { DocumentsModule } from '../documents/documents.module';
import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { DataExportService } from './data-export.service';
import { ErasureModule } from './erasure.module';
import { MyDataController } from './my-data.controller';

/** The candidate's own export and erasure (`/api/me/export`, `DELETE /api/me`). */
@Module({
  imports: [AuthModule, DocumentsModule, ErasureModule],
  controllers: [MyDataController],
  providers: [DataExportService],
})
export class MyDataModule {}
